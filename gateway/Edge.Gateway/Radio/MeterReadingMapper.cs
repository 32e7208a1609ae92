using Edge.Firmware.Buffering;
using Edge.Firmware.MBus;

namespace Edge.Gateway.Radio;

/// <summary>
/// Turns a decoded telegram into a <see cref="MeterReading"/>: the instantaneous volume register (storage 0,
/// tariff 0, subunit 0: EN 13757-3 §6.3) in m³ with its exact decimal scale, and the flags: status byte bit 2
/// "power low" (EN 13757-3 §6.2.3) is low battery; the error flags record (VIF FD 17, manufacturer defined bits)
/// is read with Edge's assignment, <see cref="ErrorFlagBits"/>.
/// </summary>
internal static class MeterReadingMapper
{
    /// <summary>Edge's reading of the error flags record (DIF 01/02, VIF FD 17); see Radio/README.md.</summary>
    public static readonly (int Bit, int Flag)[] ErrorFlagBits =
    [
        (0x01, MeterAlarmFlags.Leak),
        (0x02, MeterAlarmFlags.Burst),
        (0x04, MeterAlarmFlags.Dry),
        (0x08, ReadingFlags.Reverse),
        (0x10, ReadingFlags.Tamper),
        (0x20, ReadingFlags.LowBattery),
    ];

    private const int ErrorFlagsVif = 0xFD17;

    /// <summary>The reading of <paramref name="telegram"/>, or null with <paramref name="error"/> when it has no usable volume.</summary>
    public static MeterReading? Map(MBusTelegram telegram, string device, ReadOnlySpan<byte> frame, out string? error)
    {
        error = null;
        MBusRecord? volume = null;
        var flags = telegram.Status >= 0 && (telegram.Status & MBusStatus.PowerLow) != 0 ? ReadingFlags.LowBattery : 0;
        for (var i = 0; i < telegram.RecordCount; i++)
        {
            var r = telegram.GetRecord(i);
            if (volume is null && r.Quantity == MBusQuantity.Volume && r.StorageNumber == 0 && r.Tariff == 0 && r.Subunit == 0
                && r.Function == MBusFunction.Instantaneous && r.Kind is MBusValueKind.Decimal or MBusValueKind.Real)
            {
                volume = r;
            }
            else if (r.VifCode == ErrorFlagsVif && r.Kind == MBusValueKind.Decimal)
            {
                foreach (var (bit, flag) in ErrorFlagBits)
                {
                    flags |= (r.Mantissa & bit) != 0 ? flag : 0;
                }
            }
        }

        if (volume is null)
        {
            error = "no instantaneous volume record in the telegram";
            return null;
        }

        if (!TryScale(volume, out var mantissa, out var scale))
        {
            error = "volume record out of range";
            return null;
        }

        return new MeterReading(device, mantissa, scale, flags, telegram.AccessNumber, MeterSequences.Digest(frame));
    }

    private static bool TryScale(MBusRecord r, out long mantissa, out int scale)
    {
        mantissa = 0;
        scale = 0;
        if (r.Kind == MBusValueKind.Real)
        {
            // A 32-bit real carries about 7 significant digits: keep 10^-6 m³ (millilitres).
            var value = r.ToDouble();
            if (double.IsNaN(value) || Math.Abs(value) > 9e12)
            {
                return false;
            }

            mantissa = (long)Math.Round(value * 1_000_000, MidpointRounding.AwayFromZero);
            scale = 6;
            return true;
        }

        mantissa = r.Mantissa;
        var exponent = r.Exponent;
        for (; exponent > 0; exponent--)
        {
            if (Math.Abs(mantissa) > long.MaxValue / 10)
            {
                return false;
            }

            mantissa *= 10;
        }

        scale = -exponent;
        return scale <= 18;
    }
}
