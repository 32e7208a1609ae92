using Edge.Firmware.Echonet;

namespace Edge.HwSim.Echonet;

/// <summary>
/// A water flow meter 0x0281 (APPENDIX, Release F and later) whose volume grows with simulated time at
/// <see cref="FlowM3PerHour"/>: cumulative flow 0xE0 = volume ÷ unit 0xE1 (0x00 1 m³ ... 0x06 0.000001 m³), kept to
/// 8 digits (0-99,999,999, wrapping); historical data 0xE2 = the 48 half-hour grid points of the current local day
/// (no day field in this class; 0xFFFFFFFE for points not reached); water type 0xD0 running water, owner 0xD1
/// public waterworks company; detection of abnormal value 0xE3 (0x41 detected, 0x42 not; announced on change, set with
/// <see cref="SetAbnormalValue"/>) and security data 0xE4 (unsigned long, <see cref="SecurityData"/>).
/// </summary>
public sealed class SimulatedWaterFlowMeter : EchonetMeterObject
{
    private decimal _volumeM3;
    private bool _abnormal;

    /// <summary>Creates the meter as instance 1 (0x028101) at the current simulated time with <paramref name="volumeM3"/> on its register.</summary>
    public SimulatedWaterFlowMeter(TimeProvider time, byte[] identification, decimal volumeM3 = 0)
        : base(0x028101, time, identification)
    {
        _volumeM3 = volumeM3;
    }

    /// <summary>Unit code 0xE1.</summary>
    public int UnitCode { get; init; } = 0x03;

    /// <summary>Security data information 0xE4: abnormal states as bits (their assignment is the meter's own).</summary>
    public uint SecurityData { get; set; }

    /// <summary>Detection of abnormal value 0xE3: true reads 0x41.</summary>
    public bool AbnormalValue
    {
        get
        {
            lock (Sync)
            {
                return _abnormal;
            }
        }
    }

    /// <summary>Flow now, m³/h.</summary>
    public decimal FlowM3PerHour { get; set; } = 0.05m;

    /// <summary>Volume so far, m³ (the true amount; the register shows it truncated to its unit).</summary>
    public decimal VolumeM3
    {
        get
        {
            Advance();
            lock (Sync)
            {
                return _volumeM3;
            }
        }
    }

    /// <summary>m³ per register count.</summary>
    public decimal M3PerCount
    {
        get
        {
            if (!EchonetMeterScale.TryUnitExponent(EchonetClass.WaterFlowMeter, UnitCode, out var e))
            {
                throw new InvalidOperationException($"unit code 0x{UnitCode:X2} is reserved");
            }

            var r = 1m;
            for (var i = 0; i < -e; i++)
            {
                r /= 10;
            }

            return r;
        }
    }

    /// <summary>The cumulative flow register 0xE0 for <paramref name="m3"/>.</summary>
    public long RegisterOf(decimal m3) => (long)(decimal.Floor(m3 / M3PerCount) % 100_000_000m);

    /// <inheritdoc />
    protected override byte[] GettableEpcs => [0xD0, 0xD1, 0xE0, 0xE1, 0xE2, 0xE3, 0xE4];

    /// <inheritdoc />
    protected override byte[] AnnouncedEpcs => [0x80, 0x88, 0xE3];

    /// <summary>Sets or clears the abnormal value (0xE3); a change is announced.</summary>
    public void SetAbnormalValue(bool abnormal) => ChangeStatus(0xE3, ref _abnormal, abnormal);

    /// <inheritdoc />
    protected override byte[]? ReadClassProperty(int epc)
    {
        switch (epc)
        {
            case 0xD0: return [0x30];
            case 0xD1: return [0x31];
            case 0xE0: return U32(RegisterOf(_volumeM3));
            case 0xE1: return [(byte)UnitCode];
            case 0xE3: return [_abnormal ? (byte)0x41 : (byte)0x42];
            case 0xE4: return U32(SecurityData);
            case 0xE2:
                var midnight = LocalMidnight(NowUnixMs);
                var edt = new byte[48 * 4];
                for (var s = 0; s < 48; s++)
                {
                    U32(Recorded(midnight + (s * SlotMs), 0) ?? 0xFFFFFFFE).CopyTo(edt, s * 4);
                }

                return edt;
            default: return null;
        }
    }

    /// <inheritdoc />
    protected override void Accumulate(long ms) => _volumeM3 += FlowM3PerHour * ms / 3_600_000m;

    /// <inheritdoc />
    protected override long[] Registers() => [RegisterOf(_volumeM3)];
}
