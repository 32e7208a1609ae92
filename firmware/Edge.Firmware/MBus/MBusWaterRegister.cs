namespace Edge.Firmware.MBus;

/// <summary>Picks the volume register of a water meter from the decoded records (EN 13757-3 / OMS practice).</summary>
public static class MBusWaterRegister
{
    /// <summary>
    /// Index of the first volume record that is the current total: instantaneous, storage 0, tariff 0,
    /// subunit 0, a number, no backward-only accumulation, no per-time or limit modifier and no manufacturer
    /// specific VIFE. -1 when there is none.
    /// </summary>
    public static int Find(MBusTelegram t)
    {
        for (var i = 0; i < t.RecordCount; i++)
        {
            var r = t.GetRecord(i);
            if (r.Quantity == MBusQuantity.Volume && (r.Kind == MBusValueKind.Decimal || r.Kind == MBusValueKind.Real)
                && r.StorageNumber == 0 && r.Tariff == 0 && r.Subunit == 0 && r.Function == MBusFunction.Instantaneous
                && (r.VifeFlags & (MBusVifeFlags.AccumulationNegative | MBusVifeFlags.Modified | MBusVifeFlags.ManufacturerSpecific)) == 0)
            {
                return i;
            }
        }

        return -1;
    }
}
