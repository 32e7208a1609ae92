using System.Globalization;
using System.Text.Json;
using Edge.Firmware.Echonet;

namespace Edge.Firmware.Tests.Echonet;

/// <summary>
/// Compares a decoded property with the <c>meaning</c> object of an echonet.jsonl record, key by key. An
/// unknown key fails, so a record can never pass by being skipped.
/// </summary>
internal static class EchonetMeaning
{
    /// <summary>Problems found (empty when the value means what the record says).</summary>
    public static List<string> Compare(JsonElement meaning, int epc, byte[] edt, EchonetValue v)
    {
        var problems = new List<string>();
        void Check(bool ok, string what)
        {
            if (!ok)
            {
                problems.Add(what);
            }
        }

        foreach (var p in meaning.EnumerateObject())
        {
            var x = p.Value;
            switch (p.Name)
            {
                case "note":
                    break;
                case "coefficient":
                case "effective_digits":
                case "cumulative_energy_raw":
                case "cumulative_flow_raw":
                    Check(v.Kind == EchonetValueKind.Number && v.Raw == x.GetInt64(), $"{p.Name}: raw {v.Raw}, kind {v.Kind}, expected {x}");
                    break;
                case "no_data":
                    Check((v.Status == EchonetValueStatus.NoData) == x.GetBoolean(), $"no_data: status {v.Status}");
                    break;
                case "direction":
                    Check(x.GetString() == ((epc & 0x0F) == 0x03 || epc == 0xEB || epc == 0xE4 ? "reverse" : "normal"), $"direction {x} for EPC {epc:X2}");
                    break;
                case "instance_list":
                    Check(Objects(v).SequenceEqual(x.EnumerateArray().Select(e => e.GetString()!)), $"instance_list: {string.Join(",", Objects(v))}");
                    break;
                case "history_30min":
                    Check(v.Kind == EchonetValueKind.History && v.HistoryDay == x.GetProperty("day").GetInt32(), $"history day {v.HistoryDay}");
                    Check(v.History.Take(v.HistoryCount).SequenceEqual(x.GetProperty("values_raw").EnumerateArray().Select(e => e.GetInt64())), "history values differ");
                    Check(v.HistoryStatus.Take(v.HistoryCount).Count(s => s == EchonetValueStatus.NoData) == x.GetProperty("no_data_count").GetInt32(), "history no-data count");
                    break;
                case "history_30min_raw":
                    Check(v.Kind == EchonetValueKind.History && v.HistoryDay == -1, $"history kind {v.Kind} day {v.HistoryDay}");
                    Check(v.History.Take(v.HistoryCount).SequenceEqual(x.EnumerateArray().Select(e => e.GetInt64())), "history values differ");
                    break;
                case "instantaneous_power_w":
                    Check(v.Raw == x.GetInt64() && v.Unit == "W" && v.Exponent == 0 && v.Multiplier == 1, $"power {v.Raw} {v.Unit}");
                    break;
                case "special":
                    Check(x.ValueKind == JsonValueKind.Null ? v.Status == EchonetValueStatus.Valid : v.Status != EchonetValueStatus.Valid, $"special: status {v.Status}");
                    break;
                case "current_r_a":
                    Check(v.Status == EchonetValueStatus.Valid && Si(v.Raw, v) == x.GetDecimal() && v.Unit == "A", $"current R {Si(v.Raw, v)}");
                    break;
                case "current_t_a":
                    Check(v.Status2 == EchonetValueStatus.Valid && Si(v.Raw2, v) == x.GetDecimal(), $"current T {Si(v.Raw2, v)}");
                    break;
                case "fixed_time_energy":
                    Check(v.Kind == EchonetValueKind.TimedNumber, $"kind {v.Kind}");
                    Check(DateTimeText(v) == x.GetProperty("datetime").GetString(), $"datetime {DateTimeText(v)}");
                    Check(v.Raw == x.GetProperty("raw").GetInt64(), $"raw {v.Raw}");
                    Check(x.GetProperty("direction").GetString() == (epc == 0xEB ? "reverse" : "normal"), "direction");
                    break;
                case "operation_status":
                    Check(v.Kind == EchonetValueKind.Flag && v.Text == x.GetString(), $"operation status {v.Text}");
                    break;
                case "raw":
                    Check(v.Kind == EchonetValueKind.Raw && Convert.ToHexString(edt) == x.GetString(), $"raw kind {v.Kind}");
                    break;
                case "standard_version":
                    Check(v.Kind == EchonetValueKind.Version && v.Text == x.GetProperty("release").GetString() && v.Raw == x.GetProperty("revision").GetInt64(), $"version {v.Text} {v.Raw}");
                    break;
                case "fault":
                case "reading_abnormality":
                    Check(v.Kind == EchonetValueKind.Flag && v.Flag == x.GetBoolean(), $"{p.Name}: flag {v.Flag}");
                    break;
                case "manufacturer_code":
                    Check(v.Kind == EchonetValueKind.Code && v.Text == x.GetString(), $"maker {v.Text}");
                    break;
                case "production_number":
                    Check(v.Kind == EchonetValueKind.Text && v.Text == x.GetString(), $"production number '{v.Text}'");
                    break;
                case "current_time":
                    Check(v.Kind == EchonetValueKind.Time && $"{v.Hour:D2}:{v.Minute:D2}" == x.GetString(), $"time {v.Hour}:{v.Minute}");
                    break;
                case "current_date":
                    Check(v.Kind == EchonetValueKind.Date && $"{v.Year:D4}-{v.Month:D2}-{v.Day:D2}" == x.GetString(), $"date {v.Year}-{v.Month}-{v.Day}");
                    break;
                case "status_change_announcement_map":
                case "set_property_map":
                case "get_property_map":
                    Check(v.Kind == EchonetValueKind.PropertyMap && v.DeclaredCount == x.GetProperty("count").GetInt32() && v.MapFormat == x.GetProperty("format").GetInt32(), $"map count {v.DeclaredCount} format {v.MapFormat}");
                    Check(v.Epcs.Take(v.EpcCount).Select(e => e.ToString("X2", CultureInfo.InvariantCulture)).SequenceEqual(x.GetProperty("epcs").EnumerateArray().Select(e => e.GetString()!)), "map EPCs differ");
                    Check(x.GetProperty("consistent").GetBoolean() == (v.EpcCount == v.DeclaredCount), "map consistency");
                    break;
                case "unit_kwh":
                    Check(v.Unit == "kWh" && Si(v.Raw, v) == x.GetDecimal(), $"unit {Si(v.Raw, v)} {v.Unit}");
                    break;
                case "unit_m3":
                    Check(v.Unit == "m3" && Si(v.Raw, v) == x.GetDecimal(), $"unit {Si(v.Raw, v)} {v.Unit}");
                    break;
                case "water_meter_class":
                case "owner":
                    Check(v.Kind == EchonetValueKind.Enumeration && v.Text == x.GetString(), $"{p.Name}: {v.Text}");
                    break;
                default:
                    problems.Add($"meaning key '{p.Name}' has no check");
                    break;
            }
        }

        return problems;
    }

    /// <summary>raw × multiplier × 10^exponent as an exact decimal.</summary>
    public static decimal Si(long raw, EchonetValue v)
    {
        decimal d = raw * v.Multiplier;
        for (var e = v.Exponent; e > 0; e--)
        {
            d *= 10;
        }

        for (var e = v.Exponent; e < 0; e++)
        {
            d /= 10;
        }

        return d;
    }

    private static IEnumerable<string> Objects(EchonetValue v) =>
        v.Objects.Take(v.ObjectCount).Select(o => o.ToString("X6", CultureInfo.InvariantCulture));

    private static string DateTimeText(EchonetValue v) =>
        $"{v.Year:D4}-{v.Month:D2}-{v.Day:D2}T{v.Hour:D2}:{v.Minute:D2}:{v.Second:D2}";
}
