using System.Globalization;
using System.Text;
using Edge.Firmware.MBus;

namespace Edge.Firmware.Tests.MBus;

/// <summary>Test-side helpers: hex parsing and exact decimal/text views of decoded records.</summary>
internal static class MBusTestText
{
    /// <summary>Bytes of a hex string (spaces and '|' ignored); null when it is not whole bytes of hex.</summary>
    public static byte[]? TryHex(string hex)
    {
        var clean = new string(hex.Where(c => c != ' ' && c != '|').ToArray());
        if (clean.Length % 2 != 0 || !clean.All(Uri.IsHexDigit))
        {
            return null;
        }

        return Convert.FromHexString(clean);
    }

    /// <summary>Bytes of a hex string.</summary>
    public static byte[] Hex(string hex) => TryHex(hex) ?? throw new ArgumentException("not hex: " + hex);

    /// <summary>Exact value of a Decimal record.</summary>
    public static decimal Exact(MBusRecord r)
    {
        Assert.Equal(MBusValueKind.Decimal, r.Kind);
        decimal v = r.Mantissa;
        for (var e = r.Exponent; e > 0; e--)
        {
            v *= 10;
        }

        for (var e = r.Exponent; e < 0; e++)
        {
            v /= 10;
        }

        return v;
    }

    /// <summary>The record's plain-text VIF as the meter means it (characters are sent last first).</summary>
    public static string VifText(MBusTelegram t, MBusRecord r) => Reversed(t.Buffer, r.VifTextOffset, r.VifTextLength);

    /// <summary>A text value (sent last character first).</summary>
    public static string Text(MBusTelegram t, MBusRecord r) => Reversed(t.Buffer, r.DataOffset, r.DataLength);

    /// <summary>Date kinds as ISO text: yyyy-mm-dd or yyyy-mm-ddThh:mm:ss.</summary>
    public static string Date(MBusRecord r)
    {
        var m = r.Mantissa;
        if (r.Kind == MBusValueKind.Date)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{m / 10000:0000}-{m / 100 % 100:00}-{m % 100:00}");
        }

        var d = m / 1000000;
        var t = m % 1000000;
        return string.Create(CultureInfo.InvariantCulture, $"{d / 10000:0000}-{d / 100 % 100:00}-{d % 100:00}T{t / 10000:00}:{t / 100 % 100:00}:{t % 100:00}");
    }

    private static string Reversed(byte[] b, int offset, int length)
    {
        var sb = new StringBuilder(length);
        for (var i = offset + length - 1; i >= offset; i--)
        {
            sb.Append((char)b[i]);
        }

        return sb.ToString();
    }
}
