using Edge.Firmware.Echonet;

namespace Edge.HwSim.Echonet;

/// <summary>
/// A low-voltage smart electric energy meter 0x0288 (APPENDIX, Release F and later) whose energy grows with simulated
/// time at <see cref="PowerWatts"/>: cumulative energy normal 0xE0 and reverse 0xE3 = energy ÷ (coefficient 0xD3 ×
/// unit 0xE1), kept to the effective digits 0xD7 (it wraps like the meter's register); instantaneous power 0xE7 (W),
/// currents 0xE8 (R and T phase, 0.1 A: single-phase three-wire 100/200 V, the load split evenly, I = P / 200 V);
/// fixed-time values 0xEA/0xEB (the last half-hour grid point, local time); historical data 0xE2/0xE4 (day 0xE5, 0-99,
/// set with SetC) with 0xFFFFFFFE for grid points not recorded (before the meter existed, or still to come).
/// </summary>
public sealed class SimulatedSmartElectricMeter : EchonetMeterObject
{
    private decimal _energyKwh;
    private decimal _reverseKwh;
    private int _historyDay;

    /// <summary>Creates the meter as instance 1 (0x028801) at the current simulated time with <paramref name="energyKwh"/> on its register.</summary>
    public SimulatedSmartElectricMeter(TimeProvider time, byte[] identification, decimal energyKwh = 0)
        : base(0x028801, time, identification)
    {
        _energyKwh = energyKwh;
    }

    /// <summary>Coefficient 0xD3 (1-999999).</summary>
    public long Coefficient { get; init; } = 1;

    /// <summary>Effective digits 0xD7 of the cumulative registers (1-8).</summary>
    public int EffectiveDigits { get; init; } = 6;

    /// <summary>Unit code 0xE1 (0x00 1 kWh ... 0x04 0.0001 kWh, 0x0A 10 ... 0x0D 10000 kWh).</summary>
    public int UnitCode { get; init; } = 0x01;

    /// <summary>Power drawn from the grid now, W (negative: fed back, counted on the reverse register).</summary>
    public int PowerWatts { get; set; } = 500;

    /// <summary>Energy drawn so far, kWh (the true amount; the register shows it truncated to its unit).</summary>
    public decimal EnergyKwh
    {
        get
        {
            Advance();
            lock (Sync)
            {
                return _energyKwh;
            }
        }
    }

    /// <summary>kWh per register count: coefficient × unit.</summary>
    public decimal KwhPerCount
    {
        get
        {
            if (!EchonetMeterScale.TryUnitExponent(EchonetClass.LowVoltageSmartMeter, UnitCode, out var e))
            {
                throw new InvalidOperationException($"unit code 0x{UnitCode:X2} is reserved");
            }

            return Coefficient * Pow10(e);
        }
    }

    /// <summary>The cumulative energy register 0xE0 for <paramref name="kwh"/>: whole counts, modulo 10^digits.</summary>
    public long RegisterOf(decimal kwh) => (long)(decimal.Floor(kwh / KwhPerCount) % Pow10(EffectiveDigits));

    /// <inheritdoc />
    protected override byte[] GettableEpcs => [0xD3, 0xD7, 0xE0, 0xE1, 0xE2, 0xE3, 0xE4, 0xE5, 0xE7, 0xE8, 0xEA, 0xEB];

    /// <inheritdoc />
    protected override byte[] SettableEpcs => [0xE5];

    /// <inheritdoc />
    protected override byte[] AnnouncedEpcs => [0x80, 0x88, 0xEA, 0xEB];

    /// <inheritdoc />
    protected override byte[]? ReadClassProperty(int epc)
    {
        switch (epc)
        {
            case 0xD3: return U32(Coefficient);
            case 0xD7: return [(byte)EffectiveDigits];
            case 0xE1: return [(byte)UnitCode];
            case 0xE0: return U32(RegisterOf(_energyKwh));
            case 0xE3: return U32(RegisterOf(_reverseKwh));
            case 0xE5: return [(byte)_historyDay];
            case 0xE7: return U32(PowerWatts);
            case 0xE8:
                var deciAmps = (short)(PowerWatts / 20); // P / 200 V in 0.1 A
                return [(byte)(deciAmps >> 8), (byte)deciAmps, (byte)(deciAmps >> 8), (byte)deciAmps];
            case 0xE2: return History(0);
            case 0xE4: return History(1);
            case 0xEA: return FixedTime(0);
            case 0xEB: return FixedTime(1);
            default: return null;
        }
    }

    /// <inheritdoc />
    protected override bool WriteClassProperty(int epc, ReadOnlySpan<byte> edt)
    {
        if (epc != 0xE5 || edt.Length != 1 || edt[0] > 99)
        {
            return false;
        }

        _historyDay = edt[0];
        return true;
    }

    /// <inheritdoc />
    protected override void Accumulate(long ms)
    {
        var kwh = PowerWatts * (decimal)ms / 3_600_000_000m;
        if (kwh >= 0)
        {
            _energyKwh += kwh;
        }
        else
        {
            _reverseKwh -= kwh;
        }
    }

    /// <inheritdoc />
    protected override long[] Registers() => [RegisterOf(_energyKwh), RegisterOf(_reverseKwh)];

    /// <summary>0xE2/0xE4: day (2 bytes), then the 48 grid points of that day from local midnight.</summary>
    private byte[] History(int register)
    {
        var midnight = LocalMidnight(NowUnixMs) - (_historyDay * 86_400_000L);
        var edt = new byte[2 + (48 * 4)];
        edt[1] = (byte)_historyDay;
        for (var s = 0; s < 48; s++)
        {
            U32(Recorded(midnight + (s * SlotMs), register) ?? 0xFFFFFFFE).CopyTo(edt, 2 + (s * 4));
        }

        return edt;
    }

    /// <summary>0xEA/0xEB: local date and time of the last grid point (YYYY MM DD hh mm ss), then the register there.</summary>
    private byte[]? FixedTime(int register)
    {
        var slot = NowUnixMs / SlotMs * SlotMs;
        if (Recorded(slot, register) is not { } value)
        {
            return null; // no grid point passed yet
        }

        var local = DateTimeOffset.FromUnixTimeMilliseconds(slot).ToOffset(TimeSpan.FromMinutes(UtcOffsetMinutes));
        return [(byte)(local.Year >> 8), (byte)local.Year, (byte)local.Month, (byte)local.Day, (byte)local.Hour, (byte)local.Minute, (byte)local.Second, .. U32(value)];
    }

    private static decimal Pow10(int e)
    {
        var r = 1m;
        for (var i = 0; i < Math.Abs(e); i++)
        {
            r *= 10;
        }

        return e < 0 ? 1 / r : r;
    }
}
