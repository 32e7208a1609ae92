using System.Text;

namespace Edge.Gateway.Radio;

/// <summary>
/// Telegrams printed one per line: rtl-wmbus's <c>MODE;CRC_OK;3OUTOF6OK;TIMESTAMP;PACKET_RSSI;CURRENT_RSSI;ID;0xHEX</c>
/// (lines with CRC_OK other than 1 are refused), or a bare hex telegram with or without <c>0x</c>. The telegram
/// starts with its L field. Overlong lines are skipped up to the next newline.
/// </summary>
internal sealed class HexLineFramer : IWMBusFramer
{
    private const int MaxLine = 2048;
    private readonly StringBuilder _line = new();
    private readonly Queue<byte> _pending = new();
    private long _skipped;
    private bool _overlong;

    public void Append(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            _pending.Enqueue(b);
        }
    }

    public bool TryTake(out byte[]? telegram, out string? error)
    {
        telegram = null;
        error = null;
        while (_pending.TryDequeue(out var b))
        {
            if (b is (byte)'\n' or (byte)'\r')
            {
                if (_overlong)
                {
                    _overlong = false;
                    error = "line longer than " + MaxLine + " characters skipped";
                    return true;
                }

                if (_line.Length == 0)
                {
                    continue;
                }

                var line = _line.ToString();
                _line.Clear();
                telegram = Parse(line, out error);
                return true;
            }

            if (_overlong || _line.Length >= MaxLine)
            {
                _skipped += _overlong ? 1 : _line.Length + 1;
                _line.Clear();
                _overlong = true;
                continue;
            }

            _line.Append((char)b);
        }

        return false;
    }

    public long TakeSkippedBytes()
    {
        var skipped = _skipped;
        _skipped = 0;
        return skipped;
    }

    /// <summary>The telegram of one line, or null with the reason.</summary>
    internal static byte[]? Parse(string line, out string? error)
    {
        error = null;
        var hex = line.Trim();
        if (hex.Contains(';', StringComparison.Ordinal))
        {
            var fields = hex.Split(';');
            if (fields.Length != 8)
            {
                error = $"rtl-wmbus line has {fields.Length} fields, 8 expected";
                return null;
            }

            if (fields[1] != "1")
            {
                error = $"receiver reports a CRC error ({fields[0]};{fields[1]};{fields[2]})";
                return null;
            }

            hex = fields[7].Trim();
        }

        if (hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            hex = hex[2..];
        }

        if (hex.Length < 2 || hex.Length % 2 != 0 || !hex.All(char.IsAsciiHexDigit))
        {
            error = "not a hex telegram: '" + (line.Length > 40 ? line[..40] + "..." : line) + "'";
            return null;
        }

        return Convert.FromHexString(hex);
    }
}
