namespace Edge.Firmware.MBus.Manufacturers;

/// <summary>
/// Diehl Metering group meters (DME, EWT, HYD, SAP, SPL): how to read their frames besides standard OMS, as
/// the wmbusmeters project documents them (src/manufacturer_specificities.cc, src/driver_izar.cc; read, not
/// copied):
/// <list type="bullet">
/// <item>OMS frames in security mode 5 sent with the published Diehl default key when the owner set none.</item>
/// <item>PRIOS (IZAR radio) frames, CI 0xA0-0xA7: the A field is version, type, id (SAP: a 5-byte serial); the
/// payload is scrambled with a 32-bit LFSR seeded from a key and the header; the first plain byte is 0x4B, then
/// the volume and the previous month's volume in litres (32-bit, LSB first) and that month's date (type G).</item>
/// <item>"Real data" frames, CI 0x7A with bit 12 of the configuration word set (security modes 16-31): the same
/// LFSR over the payload after the short header, checked by the byte sum against the configuration word.</item>
/// </list>
/// The keys are the two published PRIOS default keys unless the meter has its own.
/// </summary>
internal static class DiehlFrames
{
    /// <summary>Not a Diehl frame of interest.</summary>
    public const int None = 0;

    /// <summary>A standard OMS frame of a Diehl meter.</summary>
    public const int Oms = 1;

    /// <summary>CI 0x7A with configuration word bit 12: LFSR scrambled standard records.</summary>
    public const int RealData = 2;

    /// <summary>CI 0xA0-0xA7: PRIOS layout.</summary>
    public const int Prios = 3;

    /// <summary>CI 0xA0-0xA7 from SAP: PRIOS layout with a 5-byte serial in the A field.</summary>
    public const int SapPrios = 4;

    /// <summary>Other manufacturer CI fields of Diehl (0xA8-0xB7): layouts not documented.</summary>
    public const int Undocumented = 5;

    // The OMS default key: 51728910E66D83F8 twice.
    private static readonly byte[] _defaultAesKey =
    {
        0x51, 0x72, 0x89, 0x10, 0xE6, 0x6D, 0x83, 0xF8, 0x51, 0x72, 0x89, 0x10, 0xE6, 0x6D, 0x83, 0xF8,
    };

    /// <summary>True for the manufacturer codes of the Diehl group.</summary>
    public static bool IsDiehl(int manufacturer) =>
        manufacturer == ManufacturerRecords.Dme || manufacturer == ManufacturerRecords.Ewt || manufacturer == ManufacturerRecords.Hyd
        || manufacturer == ManufacturerRecords.Sap || manufacturer == ManufacturerRecords.Spl;

    /// <summary>How to read the frame in <paramref name="t"/>'s buffer (link layer fields as received).</summary>
    public static int Interpretation(MBusTelegram t)
    {
        var b = t.Buffer;
        var m = b[2] | (b[3] << 8);
        if (t.Length < 15 || !IsDiehl(m) || (b[1] != 0x44 && b[1] != 0x46))
        {
            return None;
        }

        var ci = b[10];
        if (ci == MBusCi.ShortHeader)
        {
            return (b[14] & 0x10) != 0 ? RealData : Oms;
        }

        if (ci >= 0xA0 && ci <= 0xA7)
        {
            return m == ManufacturerRecords.Sap ? SapPrios : Prios;
        }

        return ci >= 0xA8 && ci <= 0xB7 ? Undocumented : Oms;
    }

    /// <summary>
    /// Puts the meter's real identity into the header of PRIOS and real data frames: their A field is sent as
    /// version, device type, id (SAP PRIOS: version and type are not sent, the meter is a water meter).
    /// </summary>
    public static void AdjustAddress(MBusTelegram t)
    {
        var b = t.Buffer;
        switch (Interpretation(t))
        {
            case Prios:
            case RealData:
                t.Version = b[4];
                t.DeviceType = b[5];
                t.IdRaw = (uint)(b[6] | (b[7] << 8) | (b[8] << 16) | (b[9] << 24));
                break;
            case SapPrios:
                t.Version = 0;
                t.DeviceType = MBusDeviceType.Water;
                break;
        }
    }

    /// <summary>The published default key for a Diehl OMS frame, or null.</summary>
    public static byte[]? DefaultKey(MBusTelegram t) => Interpretation(t) == Oms ? _defaultAesKey : null;

    /// <summary>True when the CI at <paramref name="i"/> starts a PRIOS payload this class decodes.</summary>
    public static bool KnowsCi(MBusTelegram t, int i)
    {
        var kind = Interpretation(t);
        return i == 10 && (kind == Prios || kind == SapPrios);
    }

    /// <summary>
    /// Decodes a PRIOS payload (CI at <paramref name="i"/> = 10): unscrambles it with the meter's key (its first
    /// 8 bytes folded) or the default keys, then adds the volume, last month's volume and date and sets flags.
    /// </summary>
    public static bool DecodePrios(MBusTelegram t, int i, int end, byte[]? key)
    {
        var b = t.Buffer;
        var start = i + 5;
        if (end - start < 5)
        {
            return t.Fail("Diehl PRIOS payload truncated: at least 5 bytes after the 4 header bytes, got " + (end - start).ToString());
        }

        uint seedKey;
        if (!DiehlLfsr.FindKey(b, start, end, key, true, 0, out seedKey))
        {
            return t.Fail("Diehl PRIOS: the payload does not unscramble to 0x4B with " + (key == null ? "the default keys" : "the meter's key") + " (wrong key or not a PRIOS frame)");
        }

        DiehlLfsr.Unscramble(b, start, end, DiehlLfsr.Seed(b, seedKey));
        t.ManufacturerFormat = "Diehl PRIOS (IZAR)";
        t.Decrypted = true;
        var size = end - start;
        if (!ManufacturerRecords.Volume(t, start + 1, 4, ManufacturerRecords.U32(b, start + 1, 4), -3, 0))
        {
            return false;
        }

        if (size > 8 && !ManufacturerRecords.Volume(t, start + 5, 4, ManufacturerRecords.U32(b, start + 5, 4), -3, 1))
        {
            return false;
        }

        if (size > 10 && !ManufacturerRecords.DateG(t, start + 9, 1))
        {
            return false;
        }

        // Header bytes after the CI: battery in half years (bits 0-4 of the second), alarms in bits of all three.
        var battery = ManufacturerRecords.Plain(t, i + 2, 1, MBusQuantity.RemainingBatteryLife, MBusUnit.Year, (b[i + 2] & 0x1F) * 5, -1);
        if (battery == null)
        {
            return false;
        }

        ApplyAlarms(t, b[i + 1], b[i + 2], b[i + 3]);
        return true;
    }

    /// <summary>True when the TPL security mode of <paramref name="t"/> is Diehl's LFSR ("real data").</summary>
    public static bool KnowsSecurity(MBusTelegram t, int i) => i == 15 && Interpretation(t) == RealData;

    /// <summary>
    /// Unscrambles a real data payload <c>[i, end)</c> in place. When no key unscrambles it and no key is
    /// configured, the payload is taken as already plain (pre-decrypted, as for the standard modes).
    /// </summary>
    public static bool DecryptRealData(MBusTelegram t, int i, int end, byte[]? key)
    {
        var b = t.Buffer;
        var check = b[14] & 0xEF;
        uint seedKey;
        if (DiehlLfsr.FindKey(b, i, end, key, false, check, out seedKey))
        {
            DiehlLfsr.Unscramble(b, i, end, DiehlLfsr.Seed(b, seedKey));
            t.ManufacturerFormat = "Diehl real data (LFSR)";
            t.Decrypted = true;
            return true;
        }

        if (key != null)
        {
            return t.Fail("Diehl real data (security mode " + t.SecurityMode.ToString() + "): the meter's key does not unscramble the payload (wrong key or tampered frame)");
        }

        t.ManufacturerFormat = "Diehl real data (LFSR), received already plain";
        t.Decrypted = true;
        return true;
    }

    /// <summary>PRIOS alarm bits: byte 1 bit 7 general; byte 2 bit 7 leak now, bit 5 blocked; byte 3 bits 7-0 as below.</summary>
    private static void ApplyAlarms(MBusTelegram t, int b1, int b2, int b3)
    {
        t.ManufacturerStatus = (b1 << 16) | (b2 << 8) | b3;
        if ((b2 & 0x80) != 0)
        {
            t.MeterFlags |= MeterStatusFlags.Leak;
        }

        if ((b3 & 0x80) != 0)
        {
            t.MeterFlags |= MeterStatusFlags.Reverse; // back flow
        }

        if ((b3 & 0x0A) != 0)
        {
            t.MeterFlags |= MeterStatusFlags.Tamper; // sensor fraud (bit 3) or mechanical fraud (bit 1) now
        }

        if ((b1 & 0x80) != 0 || (b2 & 0x20) != 0 || (b3 & 0x70) != 0)
        {
            t.MeterFlags |= MeterStatusFlags.ApplicationError; // general alarm, blocked, underflow, overflow, submarine
        }
    }
}
