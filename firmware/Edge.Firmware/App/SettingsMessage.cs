namespace Edge.Firmware.App;

/// <summary>
/// Reads the payload of <c>edge/v1/{id}/config</c> (firmware/FRAME.md, "Device configuration"): one definite-length
/// CBOR map (RFC 8949 §3.1, major type 5) with unsigned integer keys — 1 version, 2 sampling seconds, 3 reporting
/// seconds, 4 disaster (true/false). Keys 1-3 are required; other unsigned keys are skipped whatever their value (a
/// newer gateway may add some). Checks ranges as CONTROL.md does for the desired document. No allocation.
/// </summary>
public sealed class SettingsMessage
{
    /// <summary>Shortest sampling interval (CONTROL.md, <c>samplingSeconds</c>).</summary>
    public const int MinSamplingSeconds = 10;

    /// <summary>Longest sampling interval.</summary>
    public const int MaxSamplingSeconds = 86400;

    /// <summary>Longest reporting interval (CONTROL.md, <c>reportingSeconds</c>).</summary>
    public const int MaxReportingSeconds = 604800;

    private const int MaxDepth = 4;
    private byte[] _b = new byte[0];
    private int _end;
    private int _pos;

    /// <summary>Configuration version (key 1).</summary>
    public long Version { get; private set; }

    /// <summary>Sampling interval in seconds (key 2).</summary>
    public int SamplingSeconds { get; private set; }

    /// <summary>Reporting interval in seconds (key 3).</summary>
    public int ReportingSeconds { get; private set; }

    /// <summary>Disaster mode (key 4; false when absent).</summary>
    public bool Disaster { get; private set; }

    /// <summary>Reads and checks <paramref name="count"/> bytes; returns <see cref="SettingsRejections.None"/> or the reason.</summary>
    public int Read(byte[] buffer, int count)
    {
        _b = buffer;
        _end = count;
        _pos = 0;
        Version = -1;
        SamplingSeconds = -1;
        ReportingSeconds = -1;
        Disaster = false;
        var sawDisaster = false;
        if (count < 1 || (buffer[0] >> 5) != 5 || !TryArgument(out var pairs) || pairs > 32)
        {
            return SettingsRejections.Malformed;
        }

        for (long i = 0; i < pairs; i++)
        {
            if (_pos >= _end || (_b[_pos] >> 5) != 0 || !TryArgument(out var key))
            {
                return SettingsRejections.Malformed;
            }

            if (key < 1 || key > 4)
            {
                if (!Skip(0))
                {
                    return SettingsRejections.Malformed;
                }

                continue;
            }

            if (_pos >= _end)
            {
                return SettingsRejections.Malformed;
            }

            var major = _b[_pos] >> 5;
            if (key == 4)
            {
                var simple = _b[_pos];
                if (simple != 0xF4 && simple != 0xF5)
                {
                    return Skip(0) ? SettingsRejections.WrongType : SettingsRejections.Malformed;
                }

                if (sawDisaster)
                {
                    return SettingsRejections.MissingKey;
                }

                _pos++;
                sawDisaster = true;
                Disaster = simple == 0xF5;
                continue;
            }

            if (major != 0)
            {
                return Skip(0) ? SettingsRejections.WrongType : SettingsRejections.Malformed;
            }

            if (!TryArgument(out var value))
            {
                return SettingsRejections.Malformed;
            }

            var repeated = key == 1 ? Version >= 0 : key == 2 ? SamplingSeconds >= 0 : ReportingSeconds >= 0;
            if (repeated)
            {
                return SettingsRejections.MissingKey;
            }

            // Out-of-range values are kept as 0x7FFFFFFF so the range check below names them.
            var clipped = value < 0 || value > 0x7FFFFFFF ? 0x7FFFFFFF : (int)value;
            if (key == 1)
            {
                Version = value < 0 ? long.MaxValue : value;
            }
            else if (key == 2)
            {
                SamplingSeconds = clipped;
            }
            else
            {
                ReportingSeconds = clipped;
            }
        }

        if (_pos != _end)
        {
            return SettingsRejections.Malformed;
        }

        if (Version < 0 || SamplingSeconds < 0 || ReportingSeconds < 0)
        {
            return SettingsRejections.MissingKey;
        }

        if (Version > 0xFFFFFFFFL || SamplingSeconds < MinSamplingSeconds || SamplingSeconds > MaxSamplingSeconds
            || ReportingSeconds < SamplingSeconds || ReportingSeconds > MaxReportingSeconds)
        {
            return SettingsRejections.OutOfRange;
        }

        return SettingsRejections.None;
    }

    // The argument of the head at _pos (RFC 8949 §3: additional information 0-23 inline, 24-27 in 1-8 bytes);
    // indefinite lengths (31) and the reserved values 28-30 are refused. A 64-bit argument above long.MaxValue reads negative.
    private bool TryArgument(out long value)
    {
        value = 0;
        if (_pos >= _end)
        {
            return false;
        }

        var info = _b[_pos] & 0x1F;
        _pos++;
        if (info < 24)
        {
            value = info;
            return true;
        }

        if (info > 27)
        {
            return false;
        }

        var bytes = 1 << (info - 24);
        if (_end - _pos < bytes)
        {
            return false;
        }

        for (var i = 0; i < bytes; i++)
        {
            value = (value << 8) | _b[_pos + i];
        }

        _pos += bytes;
        return true;
    }

    // Skips one well-formed data item (RFC 8949 §3), nested at most MaxDepth deep.
    private bool Skip(int depth)
    {
        if (depth > MaxDepth || _pos >= _end)
        {
            return false;
        }

        var major = _b[_pos] >> 5;
        if (!TryArgument(out var arg))
        {
            return false;
        }

        switch (major)
        {
            case 2:
            case 3:
                if (arg < 0 || arg > _end - _pos)
                {
                    return false;
                }

                _pos += (int)arg;
                return true;
            case 4:
            case 5:
                var items = major == 5 ? arg * 2 : arg;
                if (arg < 0 || items > _end - _pos)
                {
                    return false;
                }

                for (long i = 0; i < items; i++)
                {
                    if (!Skip(depth + 1))
                    {
                        return false;
                    }
                }

                return true;
            case 6:
                return Skip(depth + 1);
            default:
                return true;
        }
    }
}
