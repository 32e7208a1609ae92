using Edge.Firmware.MBus;

namespace Edge.Firmware.Tests.MBus;

/// <summary>Picks the water meter register from decoded records, as EN 13757-3 / OMS meters report it.</summary>
internal static class WMBusWaterTotal
{
    /// <summary>
    /// The first volume record that is the current instantaneous total: storage 0, tariff 0, subunit 0,
    /// no backward-only accumulation and no per-time or limit modifier. Null when there is none.
    /// </summary>
    public static MBusRecord? Find(MBusTelegram t)
    {
        for (var i = 0; i < t.RecordCount; i++)
        {
            var r = t.GetRecord(i);
            if (r.Quantity == MBusQuantity.Volume && r.Kind is MBusValueKind.Decimal or MBusValueKind.Real
                && r.StorageNumber == 0 && r.Tariff == 0 && r.Subunit == 0 && r.Function == MBusFunction.Instantaneous
                && (r.VifeFlags & (MBusVifeFlags.AccumulationNegative | MBusVifeFlags.Modified | MBusVifeFlags.ManufacturerSpecific)) == 0)
            {
                return r;
            }
        }

        return null;
    }

    /// <summary>The register as an exact decimal (real values rounded to 6 decimals).</summary>
    public static decimal Value(MBusRecord r) =>
        r.Kind == MBusValueKind.Decimal ? MBusTestText.Exact(r) : Math.Round((decimal)r.ToDouble(), 6);
}
