using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Edge.Firmware.Echonet;

namespace Edge.Field.Decoding;

/// <summary>
/// Writes a decoded ECHONET Lite frame as JSON for <c>edge-field decode --format echonet</c>. The field names
/// are a stable interface (README "ECHONET Lite"): add fields, never rename them.
/// </summary>
public static class EchonetJsonWriter
{
    /// <summary>kWh to joules (1 kWh = 3.6 MJ).</summary>
    private const long JoulesPerKwh = 3_600_000;

    /// <summary>The frame as one JSON object (indented, or on one line for batches).</summary>
    public static string Write(EchonetFrame f, EchonetMeterScale scale, bool indented)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("format", MeterFormat.Echonet);
            json.WriteString("ehd1", Hex(f.Ehd1, 2));
            json.WriteString("ehd2", Hex(f.Ehd2, 2));
            json.WriteNumber("tid", f.Tid);
            if (f.Ehd2 == EchonetFrame.Ehd2Arbitrary)
            {
                json.WriteString("edata", Convert.ToHexString(f.Buffer, f.EdataOffset, f.EdataLength));
            }
            else
            {
                WriteSpecified(json, f, scale);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteSpecified(Utf8JsonWriter json, EchonetFrame f, EchonetMeterScale scale)
    {
        json.WriteString("seoj", Hex(f.Seoj, 6));
        json.WriteString("seoj_class", EchonetClass.Name(f.SeojClass));
        json.WriteString("deoj", Hex(f.Deoj, 6));
        json.WriteString("deoj_class", EchonetClass.Name(f.DeojClass));
        json.WriteString("esv", Hex(f.Esv, 2));
        json.WriteString("service", EchonetEsv.Name(f.Esv));
        json.WriteNumber("opc", f.Opc);
        var two = EchonetEsv.HasTwoSections(f.Esv);
        if (two)
        {
            json.WriteNumber("opc_get", f.OpcGet);
        }

        var cls = EchonetPropertyDecoder.PropertyObject(f) >> 8;
        var v = new EchonetValue();
        json.WriteStartArray("properties");
        for (var i = 0; i < f.PropertyCount; i++)
        {
            json.WriteStartObject();
            if (two)
            {
                json.WriteString("section", f.Section(i) == EchonetFrame.SectionSet ? "set" : "get");
            }

            json.WriteString("epc", Hex(f.Epc(i), 2));
            json.WriteNumber("pdc", f.Pdc(i));
            json.WriteString("edt", Convert.ToHexString(f.Buffer, f.EdtOffset(i), f.Pdc(i)));
            json.WriteString("name", EchonetPropertyNames.Name(cls, f.Epc(i)));
            if (!EchonetPropertyDecoder.Decode(f, i, scale, v))
            {
                json.WriteString("error", v.ErrorText);
            }
            else if (v.Kind != EchonetValueKind.None)
            {
                json.WritePropertyName("value");
                WriteValue(json, v);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteValue(Utf8JsonWriter json, EchonetValue v)
    {
        json.WriteStartObject();
        json.WriteString("kind", EchonetValueKind.Name(v.Kind));
        switch (v.Kind)
        {
            case EchonetValueKind.Number:
                WriteNumber(json, v, v.Raw, v.Status);
                break;
            case EchonetValueKind.TimedNumber:
                json.WriteString("datetime", string.Create(CultureInfo.InvariantCulture, $"{v.Year:D4}-{v.Month:D2}-{v.Day:D2}T{v.Hour:D2}:{v.Minute:D2}:{v.Second:D2}"));
                WriteNumber(json, v, v.Raw, v.Status);
                break;
            case EchonetValueKind.Pair:
                json.WritePropertyName("r");
                json.WriteStartObject();
                WriteNumber(json, v, v.Raw, v.Status);
                json.WriteEndObject();
                json.WritePropertyName("t");
                json.WriteStartObject();
                WriteNumber(json, v, v.Raw2, v.Status2);
                json.WriteEndObject();
                break;
            case EchonetValueKind.History:
                WriteHistory(json, v);
                break;
            case EchonetValueKind.Enumeration:
                json.WriteString("code", Hex((int)v.Raw, 2));
                json.WriteString("text", v.Text);
                break;
            case EchonetValueKind.Flag:
                json.WriteString("code", Hex((int)v.Raw, 2));
                json.WriteBoolean("state", v.Flag);
                if (v.Text != null)
                {
                    json.WriteString("text", v.Text);
                }

                break;
            case EchonetValueKind.Text:
                json.WriteString("text", v.Text);
                break;
            case EchonetValueKind.Code:
                json.WriteString("hex", v.Text);
                break;
            case EchonetValueKind.Date:
                json.WriteString("date", string.Create(CultureInfo.InvariantCulture, $"{v.Year:D4}-{v.Month:D2}-{v.Day:D2}"));
                break;
            case EchonetValueKind.Time:
                json.WriteString("time", string.Create(CultureInfo.InvariantCulture, $"{v.Hour:D2}:{v.Minute:D2}"));
                break;
            case EchonetValueKind.PropertyMap:
                json.WriteNumber("count", v.DeclaredCount);
                json.WriteString("form", v.MapFormat == 2 ? "bitmap" : "list");
                json.WriteStartArray("epcs");
                for (var k = 0; k < v.EpcCount; k++)
                {
                    json.WriteStringValue(Hex(v.Epcs[k], 2));
                }

                json.WriteEndArray();
                break;
            case EchonetValueKind.ObjectList:
                json.WriteNumber("count", v.DeclaredCount);
                json.WriteStartArray("objects");
                for (var k = 0; k < v.ObjectCount; k++)
                {
                    json.WriteStringValue(Hex(v.Objects[k], v.Objects[k] > 0xFFFF ? 6 : 4));
                }

                json.WriteEndArray();
                break;
            case EchonetValueKind.Version:
                json.WriteString("release", v.Text);
                json.WriteNumber("revision", v.Raw);
                break;
        }

        json.WriteEndObject();
    }

    /// <summary>raw, status, and when valid and scaled the value in its unit and, for energy, in joules.</summary>
    private static void WriteNumber(Utf8JsonWriter json, EchonetValue v, long raw, int status)
    {
        json.WriteNumber("raw", raw);
        json.WriteString("status", EchonetValueStatus.Name(status));
        if (v.Quantity != null)
        {
            json.WriteString("quantity", v.Quantity);
        }

        if (!v.Scaled)
        {
            return;
        }

        json.WriteString("unit", v.Unit);
        if (status != EchonetValueStatus.Valid)
        {
            json.WriteNull("value");
            return;
        }

        json.WriteNumber("value", Exact(raw * v.Multiplier, v.Exponent));
        if (v.Unit == "kWh")
        {
            json.WriteNumber("value_j", Exact(raw * v.Multiplier * JoulesPerKwh, v.Exponent));
        }
    }

    private static void WriteHistory(Utf8JsonWriter json, EchonetValue v)
    {
        if (v.HistoryDay >= 0)
        {
            json.WriteNumber("day", v.HistoryDay);
        }
        else
        {
            json.WriteNull("day");
        }

        json.WriteNumber("interval_minutes", 30);
        if (v.Quantity != null)
        {
            json.WriteString("quantity", v.Quantity);
        }

        json.WriteStartArray("raw");
        for (var s = 0; s < v.HistoryCount; s++)
        {
            json.WriteNumberValue(v.History[s]);
        }

        json.WriteEndArray();
        if (!v.Scaled)
        {
            return;
        }

        json.WriteString("unit", v.Unit);
        json.WriteStartArray("values");
        for (var s = 0; s < v.HistoryCount; s++)
        {
            if (v.HistoryStatus[s] == EchonetValueStatus.Valid)
            {
                json.WriteNumberValue(Exact(v.HistoryMantissa(s), v.Exponent));
            }
            else
            {
                json.WriteNullValue();
            }
        }

        json.WriteEndArray();
    }

    /// <summary>mantissa × 10^exponent exactly.</summary>
    internal static decimal Exact(long mantissa, int exponent)
    {
        decimal d = mantissa;
        for (var e = exponent; e > 0; e--)
        {
            d *= 10;
        }

        return exponent < 0 ? decimal.Round(d / Pow10(-exponent), -exponent) : d;
    }

    private static decimal Pow10(int n)
    {
        decimal p = 1;
        for (var i = 0; i < n; i++)
        {
            p *= 10;
        }

        return p;
    }

    private static string Hex(int value, int digits) => value.ToString("X" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
