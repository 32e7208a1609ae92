namespace Edge.Firmware.MBus.Manufacturers;

/// <summary>
/// Two manufacturer data layouts inside otherwise standard telegrams, as the wmbusmeters drivers qwaterv2 and
/// zenner0b document them (read, not copied):
/// <list type="bullet">
/// <item>Qundis (QDS) water meters' walk-by record DIF 0x0D, VIF 0xFF, VIFE 0x5F with 53 data bytes: 9 bytes,
/// 0x13 (volume in litres), the error date (type G), the volume (8 BCD digits), the year-end date and volume,
/// then the month-end date and volume; the same quantities the meter sends as standard records 0C 13, 42 6C /
/// 4C 13 (storage 1) and C2 08 6C / CC 08 13 (storage 17) in its other telegrams.</item>
/// <item>Zenner (ZRI, version 0x0B, cold water) manufacturer data after DIF 0x0F: a status word, the month's
/// consumption and the volume, each 32-bit LSB first, volumes in 1/256000 m³ (1/256 litre).</item>
/// </list>
/// </summary>
internal static class QundisZennerRecords
{
    /// <summary>Adds the records of a Qundis walk-by record, if the telegram has one.</summary>
    public static bool ReadQundis(MBusTelegram t)
    {
        if (t.ManufacturerCode != ManufacturerRecords.Qds)
        {
            return true;
        }

        var b = t.Buffer;
        var count = t.RecordCount;
        for (var k = 0; k < count; k++)
        {
            var r = t.GetRecord(k);
            if (r.Dif != 0x0D || r.VifCode != 0x7F || r.ManufacturerVife != 0x5F || r.DataLength != 53 || b[r.DataOffset + 9] != 0x13)
            {
                continue;
            }

            var p = r.DataOffset;
            t.ManufacturerFormat = "Qundis walk-by record";
            return ManufacturerRecords.BcdLitres(t, p + 12, 4, 0)
                && ManufacturerRecords.DateG(t, p + 16, 1)
                && ManufacturerRecords.BcdLitres(t, p + 18, 4, 1)
                && ManufacturerRecords.DateG(t, p + 22, 17)
                && ManufacturerRecords.BcdLitres(t, p + 24, 4, 17);
        }

        return true;
    }

    /// <summary>True for a Zenner meter with the version 0x0B layout.</summary>
    public static bool IsZenner0B(MBusTelegram t) => t.ManufacturerCode == ManufacturerRecords.Zri && t.Version == 0x0B && t.DeviceType == 0x16;

    /// <summary>Adds the volume of a Zenner 0x0B manufacturer data record and keeps its status word.</summary>
    public static bool ReadZenner0B(MBusTelegram t)
    {
        for (var k = 0; k < t.RecordCount; k++)
        {
            var r = t.GetRecord(k);
            if (r.Dif != 0x0F || r.DataLength < 12)
            {
                continue;
            }

            var p = r.DataOffset;
            var status = ManufacturerRecords.U32(t.Buffer, p, 4);
            t.ManufacturerFormat = "Zenner 0x0B manufacturer data";
            t.ManufacturerStatus = status;
            if (status != 0)
            {
                t.MeterFlags |= MeterStatusFlags.Unknown;
            }

            // n / 256000 m³ = n × 390625 × 10^-11 m³, exactly.
            return ManufacturerRecords.Volume(t, p + 8, 4, ManufacturerRecords.U32(t.Buffer, p + 8, 4) * 390625L, -11, 0);
        }

        return true;
    }
}
