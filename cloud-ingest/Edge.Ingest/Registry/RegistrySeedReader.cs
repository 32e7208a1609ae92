using System.Globalization;
using System.Text.Json;
using System.Xml;
using Edge.Ingest.Json;
using Edge.Ingest.Normalisation.Units;

namespace Edge.Ingest.Registry;

/// <summary>
/// Reads a registry seed file (format: DOMAIN.md "Device registry seed"): <c>{"version": 1, "devices": [...]}</c>.
/// Reading is strict: unknown or duplicate members, wrong types and invalid registrations are all reported, each with
/// its JSON path, and a seed with any defect yields no devices at all.
/// </summary>
public static class RegistrySeedReader
{
    /// <summary>The only seed format version so far.</summary>
    public const int Version = 1;

    /// <summary>Reads <paramref name="json"/>, validating every device with <paramref name="validator"/>.</summary>
    public static RegistrySeedResult Read(string json, DeviceRegistrationValidator validator)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(validator);
        var errors = new List<JsonPathError>();
        JsonDocument document;
        try
        {
            // Duplicate members would let two tools read one file differently (RFC 8259 §4 leaves them undefined).
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException ex)
        {
            return new RegistrySeedResult(null, [new JsonPathError(ex.Path ?? "$", $"Not valid JSON: {ex.Message}")]);
        }

        using (document)
        {
            var devices = new List<DeviceRegistration>();
            if (StrictJsonObject.Open(document.RootElement, "$", errors) is { } root)
            {
                if (root.OptionalInt("version") is not Version)
                {
                    root.Error("version", string.Create(CultureInfo.InvariantCulture, $"Must be {Version}."));
                }

                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var (element, path) in root.Array("devices", required: true))
                {
                    if (ReadDevice(element, path, errors) is not { } device)
                    {
                        continue;
                    }

                    if (!seen.Add(device.DeviceId))
                    {
                        errors.Add(new JsonPathError($"{path}.deviceId", $"The device {DetailText.Quote(device.DeviceId)} is listed twice."));
                    }

                    errors.AddRange(validator.Validate(device, path));
                    devices.Add(device);
                }

                root.RejectUnknownMembers();
            }

            return errors.Count == 0
                ? new RegistrySeedResult(new RegistrySeed(devices), [])
                : new RegistrySeedResult(null, errors);
        }
    }

    private static DeviceRegistration? ReadDevice(JsonElement element, string path, List<JsonPathError> errors)
    {
        if (StrictJsonObject.Open(element, path, errors) is not { } o)
        {
            return null;
        }

        var before = errors.Count;
        var deviceId = o.RequiredString("deviceId");
        var gatewayId = o.RequiredString("gatewayId");
        var kindName = o.RequiredString("kind");
        DeviceKind kind = default;
        if (kindName is not null && !DeviceKindNames.TryParse(kindName, out kind))
        {
            o.Error("kind", $"Unknown kind {DetailText.Quote(kindName)}; one of: {string.Join(", ", DeviceKindNames.Names)}.");
        }

        GeoPoint? location = null;
        if (o.Object("location", required: true) is { } l)
        {
            var lat = l.RequiredDecimal("lat");
            var lon = l.RequiredDecimal("lon");
            l.RejectUnknownMembers();
            location = lat is { } la && lon is { } lo ? new GeoPoint((double)la, (double)lo) : null;
        }

        AreaCode area = default;
        if (o.RequiredString("areaCode") is { } code && !AreaCode.TryParse(code, out area, out var areaError))
        {
            o.Error("areaCode", areaError);
        }

        var channels = o.Array("channels", required: true).Select(c => ReadChannel(c.Element, c.Path, errors)).ToList();
        var meter = o.Object("meter", required: false) is { } m ? ReadMeter(m) : null;
        var welfare = o.Object("welfare", required: false) is { } w ? WelfareSeedReader.Read(w, errors) : null;
        var statusArea = o.OptionalString("statusArea");
        o.RejectUnknownMembers();
        return errors.Count > before
            ? null
            : new DeviceRegistration(deviceId!, gatewayId!, kind, channels!, location!, area, meter, welfare, statusArea);
    }

    private static ChannelSpec? ReadChannel(JsonElement element, string path, List<JsonPathError> errors)
    {
        if (StrictJsonObject.Open(element, path, errors) is not { } c)
        {
            return null;
        }

        var name = c.RequiredString("name");
        var quantityName = c.RequiredString("quantity");
        Quantity quantity = default;
        if (quantityName is not null && !QuantityNames.TryParse(quantityName, out quantity))
        {
            c.Error("quantity", $"Unknown quantity {DetailText.Quote(quantityName)}; one of: {string.Join(", ", QuantityNames.Names)}.");
        }

        var unit = c.RequiredString("unit");
        var multiplier = c.OptionalDecimal("multiplier") ?? 1m;
        c.RejectUnknownMembers();
        return name is null || unit is null ? null : new ChannelSpec(name, quantity, unit, multiplier);
    }

    private static MeterProfile ReadMeter(StrictJsonObject m)
    {
        var digits = m.OptionalInt("registerDigits");
        var q3 = m.RequiredDecimal("q3") ?? 0m;
        var serial = m.OptionalString("serial");
        var occupied = m.OptionalBool("occupied") ?? false;
        TimeSpan? interval = null;
        if (m.OptionalString("uploadInterval") is { } text)
        {
            try
            {
                interval = XmlConvert.ToTimeSpan(text);
            }
            catch (FormatException)
            {
                m.Error("uploadInterval", $"Expected an ISO 8601 duration such as PT1H or P1D, found {DetailText.Quote(text)}.");
            }
        }

        m.RejectUnknownMembers();
        return new MeterProfile(digits, q3, serial, occupied, interval);
    }
}
