namespace Edge.Firmware.MBus;

/// <summary>
/// Bits of the status byte of the transport layer header (EN 13757-3 §6.2.3 / OMS Vol. 2 §7.2.4 table 6).
/// Bits 0-1 are the application status; bits 5-7 are manufacturer specific.
/// </summary>
public static class MBusStatus
{
    /// <summary>Mask of the application status (bits 0-1).</summary>
    public const int ApplicationMask = 0x03;

    /// <summary>Application status 01: application busy.</summary>
    public const int ApplicationBusy = 0x01;

    /// <summary>Application status 10: any application error.</summary>
    public const int ApplicationError = 0x02;

    /// <summary>Application status 11: abnormal condition / alarm.</summary>
    public const int Alarm = 0x03;

    /// <summary>Bit 2: power low.</summary>
    public const int PowerLow = 0x04;

    /// <summary>Bit 3: permanent error.</summary>
    public const int PermanentError = 0x08;

    /// <summary>Bit 4: temporary error.</summary>
    public const int TemporaryError = 0x10;

    /// <summary>Mask of the manufacturer specific bits 5-7.</summary>
    public const int ManufacturerMask = 0xE0;

    /// <summary>Names of the set flags, space separated; "OK" when none (allocates: for tools, not the hot path).</summary>
    public static string Describe(int status)
    {
        var text = string.Empty;
        switch (status & ApplicationMask)
        {
            case ApplicationBusy: text = "BUSY"; break;
            case ApplicationError: text = "APPLICATION_ERROR"; break;
            case Alarm: text = "ALARM"; break;
        }

        if ((status & PowerLow) != 0)
        {
            text = Join(text, "POWER_LOW");
        }

        if ((status & PermanentError) != 0)
        {
            text = Join(text, "PERMANENT_ERROR");
        }

        if ((status & TemporaryError) != 0)
        {
            text = Join(text, "TEMPORARY_ERROR");
        }

        if ((status & ManufacturerMask) != 0)
        {
            text = Join(text, "MANUFACTURER_" + MBusHex.Byte(status & ManufacturerMask));
        }

        return text.Length == 0 ? "OK" : text;
    }

    private static string Join(string a, string b) => a.Length == 0 ? b : a + " " + b;
}
