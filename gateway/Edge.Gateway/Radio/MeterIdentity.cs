using Edge.Firmware.MBus;

namespace Edge.Gateway.Radio;

/// <summary>
/// Device ids of meters the gateway reads itself: <c>wmbus-MFR-IDIDIDID</c> for radio meters and
/// <c>mbus-MFR-IDIDIDID</c> for wired ones, from the manufacturer letters and the 8-digit identification number of
/// the telegram header (EN 13757-3 §6.2: the long header's identity when there is one, else the link layer's), e.g.
/// <c>wmbus-KAM-12345678</c>. A wired meter answering without a header (CI 0x78) is <c>mbus-INPUT-aNNN</c> by its
/// primary address on that input.
/// </summary>
internal static class MeterIdentity
{
    /// <summary>Id of a radio meter.</summary>
    public static string Wireless(MBusTelegram telegram) => "wmbus-" + telegram.Manufacturer + "-" + telegram.Id;

    /// <summary>Id of a wired meter read on <paramref name="input"/> at <paramref name="address"/>.</summary>
    public static string Wired(MBusTelegram telegram, string input, int address) =>
        telegram.CiField == MBusCi.NoHeader || telegram.ManufacturerCode == 0
            ? "mbus-" + input + "-a" + address.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : "mbus-" + telegram.Manufacturer + "-" + telegram.Id;
}
