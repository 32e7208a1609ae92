using Edge.Firmware.MBus.Manufacturers;

namespace Edge.Firmware.MBus;

/// <summary>Fills <see cref="MBusTelegram.MeterFlags"/> after a successful decode.</summary>
internal static class TelegramStatus
{
    /// <summary>Maps the status byte (EN 13757-3 §6.2.3) and known manufacturer records to meter flags.</summary>
    public static void Apply(MBusTelegram t)
    {
        var s = t.Status;
        if (s > 0)
        {
            if ((s & MBusStatus.PowerLow) != 0)
            {
                t.MeterFlags |= MeterStatusFlags.LowBattery;
            }

            if ((s & MBusStatus.PermanentError) != 0)
            {
                t.MeterFlags |= MeterStatusFlags.PermanentError;
            }

            if ((s & MBusStatus.TemporaryError) != 0)
            {
                t.MeterFlags |= MeterStatusFlags.TemporaryError;
            }

            var application = s & MBusStatus.ApplicationMask;
            if (application == MBusStatus.ApplicationError || application == MBusStatus.Alarm)
            {
                t.MeterFlags |= MeterStatusFlags.ApplicationError;
            }
        }

        KamstrupInfoCodes.Apply(t);
    }
}
