using System.Globalization;
using System.Text.Json;
using Edge.Firmware.MBus;

namespace Edge.Firmware.Tests.MBus;

/// <summary>
/// Compares one of our records with libmbus' normalized record. libmbus names quantities and units its own
/// way; the maps below translate ours (EN 13757-3 names, SI-based units) to libmbus' words only.
/// </summary>
internal static class LibmbusRecord
{
    private static readonly Dictionary<string, string> _quantities = new()
    {
        [MBusQuantity.Energy] = "Energy",
        [MBusQuantity.Volume] = "Volume",
        [MBusQuantity.Power] = "Power",
        [MBusQuantity.VolumeFlow] = "Volume flow",
        [MBusQuantity.FlowTemperature] = "Flow temperature",
        [MBusQuantity.ReturnTemperature] = "Return temperature",
        [MBusQuantity.TemperatureDifference] = "Temperature difference",
        [MBusQuantity.ExternalTemperature] = "External temperature",
        [MBusQuantity.OnTime] = "On time",
        [MBusQuantity.OperatingTime] = "Operating time",
        [MBusQuantity.AveragingDuration] = "Averaging Duration",
        [MBusQuantity.ActualityDuration] = "Actuality Duration",
        [MBusQuantity.Date] = "Time point (date)",
        [MBusQuantity.DateTime] = "Time point (date & time)",
        [MBusQuantity.FabricationNumber] = "Fabrication No",
        [MBusQuantity.EnhancedIdentification] = "(Enhanced) Identification",
        [MBusQuantity.Voltage] = "Voltage",
        [MBusQuantity.Current] = "Current",
        [MBusQuantity.ErrorFlags] = "Error flags",
        [MBusQuantity.ManufacturerSpecific] = "Manufacturer specific",
        [MBusQuantity.HcaUnits] = "H.C.A.",
        [MBusQuantity.DigitalInput] = "Digital Input",
        [MBusQuantity.DigitalOutput] = "Digital Output",
        [MBusQuantity.FirmwareVersion] = "Firmware version",
        [MBusQuantity.SoftwareVersion] = "Software version",
        [MBusQuantity.CustomerLocation] = "Customer location",
        [MBusQuantity.ResetCounter] = "Reset counter",
        [MBusQuantity.SupplierInformation] = "Special supplier information",
        [MBusQuantity.ModelVersion] = "Model / Version",
        [MBusQuantity.ParameterSet] = "Parameter set identification",
        [MBusQuantity.Medium] = "Medium",
        [MBusQuantity.Reserved] = "Reserved",
        [MBusQuantity.ManufacturerData] = string.Empty,
    };

    private static readonly Dictionary<string, string> _units = new()
    {
        [MBusUnit.CubicMetre] = "m^3",
        [MBusUnit.CubicMetrePerHour] = "m^3/h",
        [MBusUnit.HcaUnits] = "Units for H.C.A.",
    };

    private static readonly string[] _functions = ["Instantaneous value", "Maximum value", "Minimum value", "Value during error state"];

    /// <summary>Null when equal, else what differs.</summary>
    public static string? Compare(MBusTelegram t, MBusRecord r, JsonElement e)
    {
        var quantity = r.Quantity == MBusQuantity.PlainText ? MBusTestText.VifText(t, r) : _quantities.GetValueOrDefault(r.Quantity, r.Quantity);
        var expectedQuantity = Get(e, "Quantity");
        if (quantity != expectedQuantity)
        {
            return $"quantity '{quantity}' ({r.Quantity}), expected '{expectedQuantity}'";
        }

        var function = Get(e, "Function");
        if (r.Kind == MBusValueKind.Bytes && r.Quantity == MBusQuantity.ManufacturerData)
        {
            var f = t.MoreRecordsFollow ? "More records follow" : "Manufacturer specific";
            if (function != f)
            {
                return $"function '{f}', expected '{function}'";
            }

            var hex = string.Join(" ", Enumerable.Range(r.DataOffset, r.DataLength).Select(i => t.Buffer[i].ToString("X2", CultureInfo.InvariantCulture)));
            return hex == Get(e, "Value") ? null : $"bytes {hex}, expected {Get(e, "Value")}";
        }

        if (function != _functions[r.Function])
        {
            return $"function '{_functions[r.Function]}', expected '{function}'";
        }

        var storage = long.Parse(Get(e, "StorageNumber"), CultureInfo.InvariantCulture);
        var tariff = e.TryGetProperty("Tariff", out var tv) ? int.Parse(tv.GetString()!, CultureInfo.InvariantCulture) : 0;
        var subunit = e.TryGetProperty("Device", out var dv) ? int.Parse(dv.GetString()!, CultureInfo.InvariantCulture) : 0;
        if (storage != r.StorageNumber || tariff != r.Tariff || subunit != r.Subunit)
        {
            return $"storage/tariff/subunit {r.StorageNumber}/{r.Tariff}/{r.Subunit}, expected {storage}/{tariff}/{subunit}";
        }

        var unit = _units.GetValueOrDefault(r.Unit, r.Unit);
        var expectedUnit = Get(e, "Unit");
        if (unit != expectedUnit && !(expectedUnit == "-" && unit.Length == 0) && expectedUnit != "Reserved")
        {
            return $"unit '{unit}', expected '{expectedUnit}'";
        }

        return CompareValue(t, r, Get(e, "Value"));
    }

    private static string? CompareValue(MBusTelegram t, MBusRecord r, string expected)
    {
        string ours;
        switch (r.Kind)
        {
            case MBusValueKind.Date:
                ours = MBusTestText.Date(r);
                break;
            case MBusValueKind.DateTime:
                ours = MBusTestText.Date(r) + "Z";
                break;
            case MBusValueKind.Text:
                ours = MBusTestText.Text(t, r).Trim(); // libmbus trims padding spaces
                break;
            case MBusValueKind.Bytes:
                ours = string.Join(" ", Enumerable.Range(0, r.DataLength).Select(i => t.Buffer[r.DataOffset + r.DataLength - 1 - i].ToString("X2", CultureInfo.InvariantCulture)));
                break;
            case MBusValueKind.InvalidBcd:
                return null; // libmbus turns non-decimal BCD digits into a number of its own; we report no value
            case MBusValueKind.Decimal:
            case MBusValueKind.Real:
                if (!double.TryParse(expected, NumberStyles.Float, CultureInfo.InvariantCulture, out var want))
                {
                    return $"value {r.ToDouble()}, expected '{expected}'";
                }

                var got = r.ToDouble();
                return Math.Abs(got - want) <= 1e-6 + (Math.Abs(want) * 1e-9) ? null : $"value {got.ToString("R", CultureInfo.InvariantCulture)}, expected {expected}";
            default:
                ours = string.Empty;
                break;
        }

        return ours == expected ? null : $"value '{ours}', expected '{expected}'";
    }

    private static string Get(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : string.Empty;
}
