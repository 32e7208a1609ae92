namespace Edge.Firmware.MBus;

/// <summary>Transport layer headers of EN 13757-3 §6.2 / EN 13757-7 §7.5: short (4 bytes) and long (12 bytes).</summary>
internal static class TransportHeader
{
    /// <summary>Bytes of the long header: ID(4) M(2) version, device type, access number, status, CW/signature(2).</summary>
    public const int LongLength = 12;

    /// <summary>Bytes of the short header: access number, status, CW(2).</summary>
    public const int ShortLength = 4;

    /// <summary>Reads a long header at <paramref name="i"/>: identity fields replace the link layer's.</summary>
    public static void ReadLong(MBusTelegram t, int i)
    {
        var b = t.Buffer;
        t.IdRaw = (uint)(b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24));
        t.ManufacturerCode = b[i + 4] | (b[i + 5] << 8);
        t.Version = b[i + 6];
        t.DeviceType = b[i + 7];
        ReadShort(t, i + 8);
    }

    /// <summary>Reads a short header at <paramref name="i"/>.</summary>
    public static void ReadShort(MBusTelegram t, int i)
    {
        var b = t.Buffer;
        t.AccessNumber = b[i];
        t.Status = b[i + 1];
        t.ConfigurationWord = b[i + 2] | (b[i + 3] << 8);

        // EN 13757-7 §7.6.2: the security mode is bits 8-12 of the configuration word.
        t.SecurityMode = (t.ConfigurationWord >> 8) & 0x1F;
    }

    /// <summary>Name of an application error code after CI 0x70 (EN 13757-3 §6.6 table 18).</summary>
    public static string ApplicationErrorName(int code)
    {
        switch (code)
        {
            case 0: return "unspecified error";
            case 1: return "unimplemented CI field";
            case 2: return "buffer too long, truncated";
            case 3: return "too many records";
            case 4: return "premature end of record";
            case 5: return "more than 10 DIFEs";
            case 6: return "more than 10 VIFEs";
            case 8: return "application too busy for handling readout request";
            case 9: return "too many readouts";
            default: return "reserved error code";
        }
    }
}
