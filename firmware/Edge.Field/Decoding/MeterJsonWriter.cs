using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Edge.Firmware.MBus;

namespace Edge.Field.Decoding;

/// <summary>
/// Writes a decoded M-Bus / wM-Bus telegram as JSON for <c>edge-field decode --format wmbus|mbus</c>.
/// The field names are a stable interface (README "Meter telegrams"): add fields, never rename them.
/// </summary>
public static class MeterJsonWriter
{
    /// <summary>The telegram as one JSON object (indented, or on one line for batches).</summary>
    public static string Write(string format, MBusTelegram t, bool indented)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options(indented)))
        {
            json.WriteStartObject();
            WriteHeader(json, format, t);
            WriteStatus(json, t);
            // Techem's radio meters name their medium with their own device types (0x62, 0x72): a manufacturer layout we
            // decoded to a volume register is a water meter's total too.
            if (MBusDeviceType.IsWater(t.DeviceType) || (t.ManufacturerFormat is not null && MBusWaterRegister.Find(t) >= 0))
            {
                var register = MBusWaterRegister.Find(t);
                json.WritePropertyName("total_m3");
                if (register < 0)
                {
                    json.WriteNullValue();
                }
                else
                {
                    WriteNumber(json, t.GetRecord(register));
                }
            }

            json.WriteStartArray("records");
            for (var i = 0; i < t.RecordCount; i++)
            {
                MeterRecordJson.Write(json, t, t.GetRecord(i));
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>An error as <c>{"error": "..."}</c> (indented, or on one line for batches).</summary>
    public static string WriteError(string error, bool indented)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options(indented)))
        {
            json.WriteStartObject();
            json.WriteString("error", error);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Output for a terminal or a pipe, not HTML: "°C" stays readable.</summary>
    private static JsonWriterOptions Options(bool indented) =>
        new() { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A number record's value, exact for decimals (6.408, never 6.4079999).</summary>
    internal static void WriteNumber(Utf8JsonWriter json, MBusRecord r)
    {
        if (r.Kind == MBusValueKind.Real)
        {
            var d = r.ToDouble();
            if (double.IsFinite(d))
            {
                json.WriteNumberValue(d);
            }
            else
            {
                json.WriteNullValue();
            }

            return;
        }

        json.WriteRawValue(ExactDecimal(r.Mantissa, r.Exponent));
    }

    /// <summary>mantissa × 10^exponent as a JSON number, trailing zeros after the point removed.</summary>
    internal static string ExactDecimal(long mantissa, int exponent)
    {
        var negative = mantissa < 0;
        var digits = negative ? (-(decimal)mantissa).ToString(CultureInfo.InvariantCulture) : mantissa.ToString(CultureInfo.InvariantCulture);
        string text;
        if (exponent >= 0)
        {
            text = mantissa == 0 ? "0" : digits + new string('0', exponent);
        }
        else
        {
            var point = -exponent;
            digits = digits.PadLeft(point + 1, '0');
            var whole = digits[..^point];
            var fraction = digits[^point..].TrimEnd('0');
            text = fraction.Length == 0 ? whole : whole + "." + fraction;
        }

        return negative && text != "0" ? "-" + text : text;
    }

    private static void WriteHeader(Utf8JsonWriter json, string format, MBusTelegram t)
    {
        json.WriteString("format", format);
        json.WriteString("manufacturer", t.Manufacturer);
        json.WriteString("id", t.Id);
        json.WriteNumber("version", t.Version);
        json.WriteNumber("device_type", t.DeviceType);
        json.WriteString("device_type_name", MBusDeviceType.Name(t.DeviceType));
        json.WriteString("c_field", Hex(t.CField, 2));
        json.WriteString("ci_field", t.CiField < 0 ? null : Hex(t.CiField, 2));
        if (t.PrimaryAddress >= 0)
        {
            json.WriteNumber("primary_address", t.PrimaryAddress);
        }

        WriteOptional(json, "access_number", t.AccessNumber);
        WriteOptional(json, "status_byte", t.Status);
        json.WriteNumber("security_mode", t.SecurityMode);
        json.WriteBoolean("decrypted", t.Decrypted);
        if (t.CompactSignature >= 0)
        {
            json.WriteString("compact_signature", Hex(t.CompactSignature, 4));
            json.WriteBoolean("compact_crc_ok", t.CompactCrcOk);
        }

        if (t.MoreRecordsFollow)
        {
            json.WriteBoolean("more_records_follow", true);
        }

        if (t.DefaultKeyUsed)
        {
            json.WriteBoolean("default_key_used", true);
        }

        if (t.TrailingLinkCrcRemoved)
        {
            json.WriteBoolean("trailing_link_crc_removed", true);
        }

        if (t.ManufacturerFormat != null)
        {
            json.WriteString("manufacturer_format", t.ManufacturerFormat);
        }
    }

    private static void WriteStatus(Utf8JsonWriter json, MBusTelegram t)
    {
        json.WriteStartArray("status");
        for (var bit = 0; bit < MeterStatusFlags.Count; bit++)
        {
            if ((t.MeterFlags & (1 << bit)) != 0)
            {
                json.WriteStringValue(MeterStatusFlags.Name(bit));
            }
        }

        json.WriteEndArray();
        if (t.Status >= 0)
        {
            json.WriteString("status_byte_text", MBusStatus.Describe(t.Status));
        }

        if (t.ManufacturerStatus >= 0)
        {
            json.WriteNumber("manufacturer_status", t.ManufacturerStatus);
        }

        if (t.StatusDurations != 0)
        {
            json.WriteStartObject("status_durations");
            WriteDuration(json, t, "dry", MeterStatusFlags.Dry);
            WriteDuration(json, t, "reverse", MeterStatusFlags.Reverse);
            WriteDuration(json, t, "leak", MeterStatusFlags.Leak);
            WriteDuration(json, t, "burst", MeterStatusFlags.Burst);
            json.WriteEndObject();
        }
    }

    private static void WriteDuration(Utf8JsonWriter json, MBusTelegram t, string name, int flag)
    {
        var text = MeterStatusFlags.DurationText(MeterStatusFlags.Duration(t.StatusDurations, flag));
        if (text.Length > 0)
        {
            json.WriteString(name, text);
        }
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, int value)
    {
        if (value < 0)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteNumber(name, value);
        }
    }

    internal static string Hex(long value, int digits) => value.ToString("X" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
