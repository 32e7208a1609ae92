using Edge.Firmware.MBus;

namespace Edge.Firmware.Tests.MBus;

/// <summary>Picks the water meter register from decoded records, as EN 13757-3 / OMS meters report it.</summary>
internal static class WMBusWaterTotal
{
    /// <summary>The volume register (see <see cref="MBusWaterRegister.Find"/>), or null when there is none.</summary>
    public static MBusRecord? Find(MBusTelegram t)
    {
        var i = MBusWaterRegister.Find(t);
        return i < 0 ? null : t.GetRecord(i);
    }

    /// <summary>The register as an exact decimal (real values rounded to 6 decimals).</summary>
    public static decimal Value(MBusRecord r) =>
        r.Kind == MBusValueKind.Decimal ? MBusTestText.Exact(r) : Math.Round((decimal)r.ToDouble(), 6);
}
