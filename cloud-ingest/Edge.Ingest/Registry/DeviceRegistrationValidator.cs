using System.Globalization;
using System.Text;
using Edge.Ingest.Json;
using Edge.Ingest.Normalisation.Units;
using Edge.Uplink;

namespace Edge.Ingest.Registry;

/// <summary>Checks a <see cref="DeviceRegistration"/> and names every defect by its path in the seed or admin document.</summary>
public sealed class DeviceRegistrationValidator(AreaCatalog areas, QuantityUnitCatalog units)
{
    /// <summary>Longest welfare no-use deadline accepted: a week, beyond which the watch would not protect anyone.</summary>
    public static readonly TimeSpan MaxNoUseAlertAfter = TimeSpan.FromDays(7);

    /// <summary>Validator for Tokyo areas and Edge's default units.</summary>
    public static DeviceRegistrationValidator Tokyo { get; } = new(AreaCatalog.Tokyo, QuantityUnitCatalog.Default);

    /// <summary>Every defect of <paramref name="device"/>; empty when it is valid.</summary>
    public IReadOnlyList<JsonPathError> Validate(DeviceRegistration device, string path = "$")
    {
        ArgumentNullException.ThrowIfNull(device);
        var errors = new List<JsonPathError>();
        void Add(string member, string message) => errors.Add(new JsonPathError($"{path}.{member}", message));

        CheckId(device.DeviceId, "deviceId", Add);
        CheckId(device.GatewayId, "gatewayId", Add);
        if (!Enum.IsDefined(device.Kind))
        {
            Add("kind", $"Unknown kind; one of: {string.Join(", ", DeviceKindNames.Names)}.");
            return errors;
        }

        CheckChannels(device, path, errors);
        if (double.IsNaN(device.Location.Latitude) || Math.Abs(device.Location.Latitude) > 90)
        {
            Add("location.lat", "Latitude must be between -90 and 90 degrees.");
        }

        if (double.IsNaN(device.Location.Longitude) || Math.Abs(device.Location.Longitude) > 180)
        {
            Add("location.lon", "Longitude must be between -180 and 180 degrees.");
        }

        if (!areas.Contains(device.Area))
        {
            Add("areaCode", $"The area {DetailText.Quote(device.Area.Code)} is not a registered municipality (JIS X 0402).");
        }

        if (device.StatusAreaId is { } statusArea)
        {
            CheckStatusArea(device, statusArea, Add);
        }

        CheckMeter(device, Add);
        CheckWelfare(device, Add);
        return errors;
    }

    private void CheckChannels(DeviceRegistration device, string path, List<JsonPathError> errors)
    {
        if (device.Channels.Count == 0)
        {
            errors.Add(new JsonPathError($"{path}.channels", "A device needs at least one channel."));
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < device.Channels.Count; i++)
        {
            var channel = device.Channels[i];
            var at = string.Create(CultureInfo.InvariantCulture, $"{path}.channels[{i}]");
            CheckId(channel.Name, "name", (m, e) => errors.Add(new JsonPathError($"{at}.{m}", e)));
            if (!string.IsNullOrEmpty(channel.Name) && !seen.Add(channel.Name))
            {
                errors.Add(new JsonPathError($"{at}.name", $"The channel {DetailText.Quote(channel.Name)} is listed twice."));
            }

            if (!units.TryGet(channel.Quantity, channel.Unit, out _))
            {
                errors.Add(new JsonPathError($"{at}.unit",
                    $"The unit {DetailText.Quote(channel.Unit)} is not accepted for {QuantityNames.ToName(channel.Quantity)}; " +
                    $"accepted: {string.Join(", ", units.UnitsFor(channel.Quantity))}."));
            }

            if (channel.Multiplier <= 0m)
            {
                errors.Add(new JsonPathError($"{at}.multiplier", "The multiplier must be greater than zero."));
            }
        }

        var primary = DeviceKindNames.PrimaryQuantities(device.Kind);
        if (!device.Channels.Any(c => primary.Contains(c.Quantity)))
        {
            errors.Add(new JsonPathError($"{path}.channels",
                $"A {DeviceKindNames.ToName(device.Kind)} device needs a channel measuring " +
                $"{string.Join(" or ", primary.Select(QuantityNames.ToName))}."));
        }
    }

    private static void CheckMeter(DeviceRegistration device, Action<string, string> add)
    {
        if (device.Kind != DeviceKind.WaterMeter)
        {
            if (device.Meter is not null)
            {
                add("meter", "Only water meters have a register.");
            }

            return;
        }

        if (device.Meter is not { } meter)
        {
            add("meter", "A water meter needs its register facts (registerDigits, q3).");
            return;
        }

        if (meter.RegisterDigits is < 1 or > 12)
        {
            add("meter.registerDigits", "Register digits must be 1 to 12 (or absent for a register that never rolls over).");
        }

        if (meter.Q3M3PerHour <= 0m)
        {
            add("meter.q3", "Q3 (permanent flow rate, m³/h) must be greater than zero.");
        }

        if (meter.Serial is { Length: 0 })
        {
            add("meter.serial", "The serial must not be empty; leave it out when unknown.");
        }

        if (meter.UploadInterval is { } interval && (interval < MeterProfile.MinUploadInterval || interval > MeterProfile.MaxUploadInterval))
        {
            add("meter.uploadInterval",
                "The expected upload interval must be at least 1 minute and at most 7 days (PT1M to P7D); leave it out for the default (24 h).");
        }
    }

    private static void CheckWelfare(DeviceRegistration device, Action<string, string> add)
    {
        if (device.Welfare is not { } welfare)
        {
            return;
        }

        if (device.Kind != DeviceKind.WaterMeter)
        {
            add("welfare", "Welfare watch is based on water use, so only a water meter can carry an enrolment.");
        }

        if (string.IsNullOrWhiteSpace(welfare.HouseholdId))
        {
            add("welfare.householdId", "An enrolment needs the household id.");
        }

        if (welfare.NoUseAlertAfter <= TimeSpan.Zero || welfare.NoUseAlertAfter > MaxNoUseAlertAfter)
        {
            add("welfare.noUseAlertAfter", "The no-use deadline must be more than zero and at most 7 days.");
        }

        for (var i = 0; i < welfare.SleepWindows.Count; i++)
        {
            if (welfare.SleepWindows[i].Start == welfare.SleepWindows[i].End)
            {
                add(string.Create(CultureInfo.InvariantCulture, $"welfare.sleep[{i}]"), "A window must not start and end at the same time.");
            }
        }

        for (var i = 0; i < welfare.AwayPeriods.Count; i++)
        {
            if (welfare.AwayPeriods[i].To <= welfare.AwayPeriods[i].From)
            {
                add(string.Create(CultureInfo.InvariantCulture, $"welfare.away[{i}]"), "An away period must end after it starts.");
            }
        }
    }

    private static void CheckStatusArea(DeviceRegistration device, string statusArea, Action<string, string> add)
    {
        if (device.Kind != DeviceKind.WaterMeter)
        {
            add("statusArea", "Only a water meter counts in an area's water supply status.");
        }

        CheckId(statusArea, "statusArea", add);
        if (statusArea.Length > 0 && !statusArea.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            add("statusArea", "A status area id has ASCII letters, digits, '-', '_' and '.' only (it appears in URLs and GeoJSON ids).");
        }
    }

    private static void CheckId(string? id, string member, Action<string, string> add)
    {
        if (string.IsNullOrEmpty(id))
        {
            add(member, "Must not be empty.");
        }
        else if (Encoding.UTF8.GetByteCount(id) > BatchLimits.MaxIdBytes || id.Any(char.IsControl))
        {
            add(member, $"Must be at most {BatchLimits.MaxIdBytes} UTF-8 bytes without control characters (Edge.Uplink id limit).");
        }
    }
}
