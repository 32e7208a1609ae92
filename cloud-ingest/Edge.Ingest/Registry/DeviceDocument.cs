using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using Edge.Ingest.Json;
using Edge.Ingest.Normalisation.Units;

namespace Edge.Ingest.Registry;

/// <summary>
/// One device as a JSON document, in the form of a seed file's <c>devices[]</c> entry (DOMAIN.md, "Device registry
/// seed"): what the admin API takes and answers and what the stores keep. Reading goes through
/// <see cref="RegistrySeedReader"/>, so a document is held to exactly the rules of a seed.
/// </summary>
public static class DeviceDocument
{
    private const string SeedPathPrefix = "$.devices[0]";

    /// <summary>Writes <paramref name="device"/> as a document that <see cref="Read"/> reads back unchanged.</summary>
    public static string Write(DeviceRegistration device)
    {
        ArgumentNullException.ThrowIfNull(device);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("deviceId", device.DeviceId);
            json.WriteString("gatewayId", device.GatewayId);
            json.WriteString("kind", DeviceKindNames.ToName(device.Kind));
            json.WriteStartObject("location");
            json.WriteNumber("lat", device.Location.Latitude);
            json.WriteNumber("lon", device.Location.Longitude);
            json.WriteEndObject();
            json.WriteString("areaCode", device.Area.Code);
            if (device.StatusAreaId is { } statusArea)
            {
                json.WriteString("statusArea", statusArea);
            }

            json.WriteStartArray("channels");
            foreach (var channel in device.Channels)
            {
                json.WriteStartObject();
                json.WriteString("name", channel.Name);
                json.WriteString("quantity", QuantityNames.ToName(channel.Quantity));
                json.WriteString("unit", channel.Unit);
                json.WriteNumber("multiplier", channel.Multiplier);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (device.Meter is { } meter)
            {
                json.WriteStartObject("meter");
                if (meter.RegisterDigits is { } digits)
                {
                    json.WriteNumber("registerDigits", digits);
                }

                json.WriteNumber("q3", meter.Q3M3PerHour);
                if (meter.Serial is { } serial)
                {
                    json.WriteString("serial", serial);
                }

                json.WriteBoolean("occupied", meter.Occupied);
                if (meter.UploadInterval is { } interval)
                {
                    json.WriteString("uploadInterval", XmlConvert.ToString(interval));
                }

                json.WriteEndObject();
            }

            if (device.Welfare is { } welfare)
            {
                WriteWelfare(json, welfare);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>
    /// Reads and validates one device document; on any defect the device is null and every error is listed with its
    /// JSON path (rooted at <c>$</c>, the document).
    /// </summary>
    public static (DeviceRegistration? Device, IReadOnlyList<JsonPathError> Errors) Read(
        string json, DeviceRegistrationValidator validator)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(validator);
        try
        {
            // Parsed on its own first, so that a syntax error is reported against this document, not the wrapper.
            using var probe = JsonDocument.Parse(json, new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException ex)
        {
            return (null, [new JsonPathError(ex.Path ?? "$", $"Not valid JSON: {ex.Message}")]);
        }

        var seed = RegistrySeedReader.Read(
            string.Create(CultureInfo.InvariantCulture, $"{{\"version\":{RegistrySeedReader.Version},\"devices\":[{json}]}}"),
            validator);
        if (seed.Seed is { Devices: [var device] })
        {
            return (device, []);
        }

        return (null, [.. seed.Errors.Select(e => e with { Path = Reroot(e.Path) })]);
    }

    private static string Reroot(string path) =>
        path.StartsWith(SeedPathPrefix, StringComparison.Ordinal) ? "$" + path[SeedPathPrefix.Length..] : path;

    private static void WriteWelfare(Utf8JsonWriter json, WelfareEnrolment welfare)
    {
        json.WriteStartObject("welfare");
        json.WriteBoolean("enrolled", welfare.Enrolled);
        json.WriteString("householdId", welfare.HouseholdId);
        json.WriteString("noUseAlertAfter", XmlConvert.ToString(welfare.NoUseAlertAfter));
        json.WriteStartArray("sleep");
        foreach (var window in welfare.SleepWindows)
        {
            json.WriteStartObject();
            json.WriteString("from", window.Start.ToString("HH:mm", CultureInfo.InvariantCulture));
            json.WriteString("to", window.End.ToString("HH:mm", CultureInfo.InvariantCulture));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("away");
        foreach (var period in welfare.AwayPeriods)
        {
            json.WriteStartObject();
            json.WriteString("from", period.From.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));
            json.WriteString("to", period.To.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
