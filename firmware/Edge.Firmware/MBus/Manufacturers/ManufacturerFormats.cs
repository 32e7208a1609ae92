namespace Edge.Firmware.MBus.Manufacturers;

/// <summary>
/// The one door from the standard decoder to the manufacturer specific layouts of this folder. Everything here
/// is outside EN 13757 / OMS and is decoded only where the layout is publicly documented; telegrams read with
/// it say so in <see cref="MBusTelegram.ManufacturerFormat"/>. Kamstrup's info codes and compact formats live
/// here too (<see cref="KamstrupInfoCodes"/>, <see cref="KamstrupCompactFormats"/>).
/// </summary>
internal static class ManufacturerFormats
{
    /// <summary>After the link layer: header fixes for manufacturers that send their address differently.</summary>
    public static void AdjustHeader(MBusTelegram t) => DiehlFrames.AdjustAddress(t);

    /// <summary>True when the manufacturer specific CI at <paramref name="i"/> has a layout known here.</summary>
    public static bool KnowsCi(MBusTelegram t, int i) =>
        DiehlFrames.KnowsCi(t, i) || ApatorNa1.Is(t, i) || (t.Buffer[i] == 0xA2 && TechemRadioRecords.Knows(t));

    /// <summary>Decodes the manufacturer specific payload whose CI is at <paramref name="i"/> (see <see cref="KnowsCi"/>).</summary>
    public static bool DecodeCi(MBusTelegram t, int i, int end, byte[]? key, WMBusSecurity security, int mField, byte[] aField)
    {
        if (DiehlFrames.KnowsCi(t, i))
        {
            return DiehlFrames.DecodePrios(t, i, end, key);
        }

        if (ApatorNa1.Is(t, i))
        {
            return ApatorNa1.Decode(t, i, end, key, security, mField, aField);
        }

        if (key != null)
        {
            return t.Fail("telegram is not encrypted but a key is configured for this meter: rejected");
        }

        return TechemRadioRecords.Parse(t, i, end);
    }

    /// <summary>True when the transport layer's security mode (16-31, manufacturer specific) is known here.</summary>
    public static bool KnowsSecurity(MBusTelegram t, int i) => DiehlFrames.KnowsSecurity(t, i);

    /// <summary>Makes the payload <c>[i, end)</c> plain for a security mode of <see cref="KnowsSecurity"/>.</summary>
    public static bool DecryptSecurity(MBusTelegram t, int i, int end, byte[]? key) => DiehlFrames.DecryptRealData(t, i, end, key);

    /// <summary>A manufacturer's published default key for this telegram, used only when the meter has none configured.</summary>
    public static byte[]? DefaultKey(MBusTelegram t) => DiehlFrames.DefaultKey(t);

    /// <summary>After the standard records: reads manufacturer data records of known layouts into records.</summary>
    public static bool AfterRecords(MBusTelegram t)
    {
        if (ApatorRecords.Is162(t))
        {
            return ApatorRecords.Read162(t);
        }

        if (QundisZennerRecords.IsZenner0B(t))
        {
            return QundisZennerRecords.ReadZenner0B(t);
        }

        return QundisZennerRecords.ReadQundis(t);
    }
}
