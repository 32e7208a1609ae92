using System.Globalization;
using System.Text;
using System.Text.Json;
using Edge.Firmware.MBus;

namespace Edge.Field.Decoding;

/// <summary>One data record of a telegram as a JSON object (part of <see cref="MeterJsonWriter"/>'s output).</summary>
internal static class MeterRecordJson
{
    public static void Write(Utf8JsonWriter json, MBusTelegram t, MBusRecord r)
    {
        json.WriteStartObject();
        json.WriteString("quantity", r.Quantity);
        json.WriteString("unit", r.Unit);
        json.WriteString("kind", KindName(r.Kind));
        json.WritePropertyName("value");
        WriteValue(json, t, r);
        json.WriteNumber("storage", r.StorageNumber);
        json.WriteNumber("tariff", r.Tariff);
        json.WriteNumber("subunit", r.Subunit);
        json.WriteString("function", MBusFunction.Name(r.Function));
        json.WriteString("dif", MeterJsonWriter.Hex(r.Dif, 2));
        if (r.VifCode >= 0)
        {
            json.WriteString("vif", MeterJsonWriter.Hex(r.VifCode, r.VifCode > 0xFF ? 4 : 2));
        }

        if (r.ManufacturerVife >= 0)
        {
            json.WriteString("manufacturer_vife", MeterJsonWriter.Hex(r.ManufacturerVife, 2));
        }

        if (r.VifTextOffset >= 0)
        {
            json.WriteString("vif_text", Reversed(t.Buffer, r.VifTextOffset, r.VifTextLength));
        }

        if (r.Modifier.Length > 0)
        {
            json.WriteString("modifier", r.Modifier);
        }

        if (r.RecordError >= 0)
        {
            json.WriteNumber("record_error", r.RecordError);
            json.WriteString("record_error_text", MBusRecordError.Name(r.RecordError));
        }

        if (r.FromManufacturerData)
        {
            json.WriteBoolean("from_manufacturer_data", true);
        }

        json.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter json, MBusTelegram t, MBusRecord r)
    {
        var m = r.Mantissa;
        switch (r.Kind)
        {
            case MBusValueKind.Decimal:
            case MBusValueKind.Real:
                MeterJsonWriter.WriteNumber(json, r);
                break;
            case MBusValueKind.Date:
                json.WriteStringValue(string.Create(CultureInfo.InvariantCulture, $"{m / 10000:0000}-{m / 100 % 100:00}-{m % 100:00}"));
                break;
            case MBusValueKind.DateTime:
                var d = m / 1000000;
                var s = m % 1000000;
                json.WriteStringValue(string.Create(CultureInfo.InvariantCulture, $"{d / 10000:0000}-{d / 100 % 100:00}-{d % 100:00}T{s / 10000:00}:{s / 100 % 100:00}:{s % 100:00}"));
                break;
            case MBusValueKind.Time:
                json.WriteStringValue(string.Create(CultureInfo.InvariantCulture, $"{m / 10000:00}:{m / 100 % 100:00}:{m % 100:00}"));
                break;
            case MBusValueKind.Text:
                json.WriteStringValue(Reversed(t.Buffer, r.DataOffset, r.DataLength));
                break;
            case MBusValueKind.Bytes:
                json.WriteStringValue(Convert.ToHexString(t.Buffer, r.DataOffset, r.DataLength));
                break;
            default:
                json.WriteNullValue();
                break;
        }
    }

    private static string KindName(int kind) => kind switch
    {
        MBusValueKind.Decimal or MBusValueKind.Real => "number",
        MBusValueKind.Date => "date",
        MBusValueKind.DateTime => "datetime",
        MBusValueKind.Time => "time",
        MBusValueKind.Text => "text",
        MBusValueKind.Bytes => "bytes",
        MBusValueKind.InvalidBcd => "invalid-bcd",
        _ => "none",
    };

    /// <summary>M-Bus sends text last character first (EN 13757-3 §6.4.2).</summary>
    private static string Reversed(byte[] b, int offset, int length)
    {
        var text = new StringBuilder(length);
        for (var i = offset + length - 1; i >= offset; i--)
        {
            text.Append((char)b[i]);
        }

        return text.ToString();
    }
}
