namespace Edge.Firmware.MBus.Manufacturers;

/// <summary>
/// Techem radio water meters send CI 0xA2, a manufacturer specific layout, as the wmbusmeters mkradio3,
/// mkradio4 and mkradio3a drivers describe it (read, not copied), checked by their corpus vectors:
/// <list type="bullet">
/// <item>m-bus radio 3 (version 0x74) and 4 (version 0x95): a status byte, the previous billing date (2), the
/// volume at that date (2, 0.1 m³), the current date (2) and the volume since the billing date (2, 0.1 m³). We
/// add two volume records: the billing date volume (storage 1) and the current register = billing volume +
/// volume since (storage 0).</item>
/// <item>m-bus radio 3a (version 0x50, device type 0x72): two bytes, the current date (2), the volume (3, 0.1 m³),
/// then twelve monthly history entries. We add the volume (storage 0).</item>
/// </list>
/// </summary>
internal static class TechemRadioRecords
{
    /// <summary>Manufacturer code of "TCH" (Techem).</summary>
    public const int Tch = (('T' - 64) << 10) | (('C' - 64) << 5) | ('H' - 64);

    /// <summary>True when this decoder knows the layout of CI 0xA2 for the meter in <paramref name="t"/>.</summary>
    public static bool Knows(MBusTelegram t) =>
        t.ManufacturerCode == Tch && (t.Version == 0x74 || t.Version == 0x95 || Is3a(t));

    /// <summary>Decodes the payload after CI 0xA2 at <paramref name="i"/> (the CI itself).</summary>
    public static bool Parse(MBusTelegram t, int i, int end)
    {
        var p = i + 1;
        var b = t.Buffer;
        if (Is3a(t))
        {
            if (end - p < 7)
            {
                return t.Fail("Techem CI 0xA2 (radio 3a) payload truncated: 7 bytes needed, got " + (end - p).ToString());
            }

            t.ManufacturerFormat = "Techem m-bus radio 3a (CI 0xA2)";
            return ManufacturerRecords.Volume(t, p + 4, 3, ManufacturerRecords.U32(b, p + 4, 3), -1, 0);
        }

        if (end - p < 9)
        {
            return t.Fail("Techem CI 0xA2 payload truncated: 9 bytes needed, got " + (end - p).ToString());
        }

        long billing = b[p + 3] | (b[p + 4] << 8);
        long since = b[p + 7] | (b[p + 8] << 8);
        t.ManufacturerFormat = "Techem m-bus radio 3/4 (CI 0xA2)";
        return ManufacturerRecords.Volume(t, p + 3, 2, billing, -1, 1)
            && ManufacturerRecords.Volume(t, p + 7, 2, billing + since, -1, 0);
    }

    private static bool Is3a(MBusTelegram t) => t.ManufacturerCode == Tch && t.Version == 0x50 && t.DeviceType == 0x72;
}
