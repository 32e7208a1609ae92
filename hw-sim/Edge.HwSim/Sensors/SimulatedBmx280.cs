namespace Edge.HwSim.Sensors;

/// <summary>
/// A register-level BME280 (or BMP280) after BST-BME280-DS002 §5: power-on register values, chip id, soft
/// reset with a 2 ms NVM copy (status.im_update), calibration in 0x88..0xA1/0xE1..0xE7, sleep/forced/normal
/// modes timed by the datasheet's typical measurement time (Appendix B), oversampling resolution (16 + n bits),
/// the IIR filter on temperature and pressure, and skipped measurements reading 0x80000/0x8000. Outputs follow
/// the physical inputs through the inverse of the datasheet's compensation. Faults: NACK (base class), frozen
/// outputs, a measurement that never finishes, a wrong chip id.
/// </summary>
public sealed class SimulatedBmx280 : SimulatedI2cDevice
{
    private const int ResetNvmCopyUs = 2000;
    private readonly byte[] _reg = new byte[256];
    private readonly Bmx280Trimming _trim;
    private int _pointer;
    private int _ctrlHumPending;
    private DateTimeOffset _busyUntil;
    private DateTimeOffset _resetUntil;
    private DateTimeOffset _normalStart;
    private long _normalCycles;
    private double _filteredT = double.NaN;
    private double _filteredP = double.NaN;

    /// <summary>A BME280 (<paramref name="withHumidity"/>) or BMP280 at <paramref name="address"/> (0x76/0x77).</summary>
    public SimulatedBmx280(TimeProvider time, bool withHumidity = true, int address = 0x76, Bmx280Trimming? trimming = null)
        : base(address, time)
    {
        IsBme280 = withHumidity;
        _trim = trimming ?? Bmx280Trimming.DatasheetExample;
        PowerOn();
    }

    /// <summary>True for a BME280, false for a BMP280.</summary>
    public bool IsBme280 { get; }

    /// <summary>The trimming in the model's NVM.</summary>
    public Bmx280Trimming Trimming => _trim;

    /// <summary>Air temperature, °C.</summary>
    public double TemperatureCelsius { get; set; } = 20.0;

    /// <summary>Air pressure, Pa.</summary>
    public double PressurePascals { get; set; } = 101325.0;

    /// <summary>Relative humidity, % (BME280).</summary>
    public double HumidityPercent { get; set; } = 50.0;

    /// <summary>Raw codes to output instead of the physical inputs (adc_T, adc_P, adc_H), e.g. the datasheet example.</summary>
    public (int AdcT, int AdcP, int AdcH)? RawOverride { get; set; }

    /// <summary>Fault: data registers stop updating (a stuck sensor).</summary>
    public bool FreezeOutputs { get; set; }

    /// <summary>Fault: a forced measurement never completes (status.measuring stays 1, mode stays forced).</summary>
    public bool StuckMeasuring { get; set; }

    /// <summary>Fault: the chip id register reads this instead of 0x60/0x58.</summary>
    public byte? ChipIdOverride { get; set; }

    /// <summary>Measurements completed since power-on.</summary>
    public int Measurements { get; private set; }

    /// <summary>Sets the air temperature, °C.</summary>
    public void SetTemperatureCelsius(double celsius) => TemperatureCelsius = celsius;

    /// <summary>Sets the air pressure, Pa.</summary>
    public void SetPressurePascals(double pascals) => PressurePascals = pascals;

    /// <summary>Sets the relative humidity, %.</summary>
    public void SetHumidityPercent(double percent) => HumidityPercent = percent;

    /// <summary>The current power mode bits (0 sleep, 1/2 forced, 3 normal).</summary>
    public int Mode
    {
        get
        {
            Update();
            return _reg[0xF4] & 0x03;
        }
    }

    /// <inheritdoc />
    protected override void OnWrite(ReadOnlySpan<byte> data)
    {
        Update();
        if (data.Length == 0)
        {
            return;
        }

        _pointer = data[0];

        // §6.2.1: a multi-byte write is register address / data pairs.
        for (var i = 0; i + 1 < data.Length; i += 2)
        {
            WriteRegister(data[i], data[i + 1]);
        }
    }

    /// <inheritdoc />
    protected override void OnRead(Span<byte> data)
    {
        Update();
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = ReadRegister(_pointer);
            _pointer = Math.Min(_pointer + 1, 0xFF);
        }
    }

    private byte ReadRegister(int address)
    {
        if (address == 0xD0)
        {
            return ChipIdOverride ?? (byte)(IsBme280 ? 0x60 : 0x58);
        }

        if (!IsBme280 && (address == 0xF2 || address >= 0xFD || (address >= 0xE1 && address <= 0xE7) || address == 0xA1))
        {
            return 0x00;
        }

        return _reg[address];
    }

    private void WriteRegister(int address, byte value)
    {
        switch (address)
        {
            case 0xE0:
                if (value == 0xB6)
                {
                    PowerOn();
                    _resetUntil = Time.GetUtcNow().AddTicks(ResetNvmCopyUs * 10);
                    _reg[0xF3] = 0x01;
                }

                break;
            case 0xF2:
                _ctrlHumPending = value & 0x07;
                break;
            case 0xF4:
                WriteCtrlMeas(value);
                break;
            case 0xF5:
                // §5.4.6: writes to config in normal mode may be ignored; this model ignores them.
                if ((_reg[0xF4] & 0x03) != 0x03)
                {
                    _reg[0xF5] = (byte)(value & 0xFD);
                }

                break;
        }
    }

    private void WriteCtrlMeas(byte value)
    {
        if (IsBme280)
        {
            _reg[0xF2] = (byte)_ctrlHumPending;
        }

        _reg[0xF4] = value;
        var mode = value & 0x03;
        var now = Time.GetUtcNow();
        if (mode is 1 or 2)
        {
            _busyUntil = now.AddTicks(MeasurementUs() * 10L);
            _reg[0xF3] |= 0x08;
        }
        else if (mode == 3)
        {
            _normalStart = now;
            _normalCycles = 0;
        }
    }

    // Appendix B §9.1, typical: 1 + 2·T_os + (2·P_os + 0.5) + (2·H_os + 0.5) ms.
    private int MeasurementUs()
    {
        var us = 1000 + (2000 * Factor(_reg[0xF4] >> 5));
        var osP = (_reg[0xF4] >> 2) & 0x07;
        var osH = IsBme280 ? _reg[0xF2] & 0x07 : 0;
        us += osP == 0 ? 0 : (2000 * Factor(osP)) + 500;
        us += osH == 0 ? 0 : (2000 * Factor(osH)) + 500;
        return us;
    }

    // t_sb codes of BME280 Table 27 (BMP280 differs in codes 6 and 7), µs.
    private int StandbyUs() => (_reg[0xF5] >> 5) switch
    {
        0 => 500, 1 => 62500, 2 => 125000, 3 => 250000, 4 => 500000, 5 => 1000000,
        6 => IsBme280 ? 10000 : 2000000, _ => IsBme280 ? 20000 : 4000000,
    };

    private void Update()
    {
        var now = Time.GetUtcNow();
        if (now >= _resetUntil)
        {
            _reg[0xF3] &= 0xFE;
        }

        var mode = _reg[0xF4] & 0x03;
        if (mode is 1 or 2)
        {
            if (!StuckMeasuring && now >= _busyUntil)
            {
                Latch();
                _reg[0xF4] &= 0xFC;
                _reg[0xF3] &= 0xF7;
            }
        }
        else if (mode == 3)
        {
            var cycleUs = MeasurementUs() + StandbyUs();
            var elapsedUs = (long)(now - _normalStart).TotalMicroseconds;
            var done = elapsedUs < MeasurementUs() ? 0 : ((elapsedUs - MeasurementUs()) / cycleUs) + 1;
            for (var i = _normalCycles; i < Math.Min(done, _normalCycles + 64); i++)
            {
                Latch();
            }

            _normalCycles = done;
            var inCycle = elapsedUs % cycleUs;
            _reg[0xF3] = (byte)((_reg[0xF3] & 0xF7) | (inCycle < MeasurementUs() ? 0x08 : 0));
        }
    }

    private void Latch()
    {
        Measurements++;
        if (FreezeOutputs)
        {
            return;
        }

        var osT = _reg[0xF4] >> 5;
        var osP = (_reg[0xF4] >> 2) & 0x07;
        var osH = IsBme280 ? _reg[0xF2] & 0x07 : 0;
        var filter = (_reg[0xF5] >> 2) & 0x07;
        var raw = RawOverride ?? Convert();
        var adcT = osT == 0 ? 0x80000 : Filter(ref _filteredT, raw.AdcT, filter, osT);
        var adcP = osP == 0 ? 0x80000 : Filter(ref _filteredP, raw.AdcP, filter, osP);
        Put20(0xF7, adcP);
        Put20(0xFA, adcT);
        var adcH = osH == 0 ? 0x8000 : raw.AdcH;
        _reg[0xFD] = (byte)(adcH >> 8);
        _reg[0xFE] = (byte)adcH;
    }

    private (int AdcT, int AdcP, int AdcH) Convert()
    {
        var adcT = Bmx280Physics.AdcTemperature(_trim, TemperatureCelsius);
        return (adcT, Bmx280Physics.AdcPressure(_trim, PressurePascals, adcT), Bmx280Physics.AdcHumidity(_trim, HumidityPercent, adcT));
    }

    // §3.4.4: IIR filter x = (x·(c-1) + new)/c; §3.4.3: resolution 16 + (osrs - 1) bits, 20 bits with the filter on.
    private static int Filter(ref double state, int sample, int filterCode, int os)
    {
        if (filterCode == 0)
        {
            var bits = 16 + Math.Min(os, 5) - 1;
            state = sample;
            return sample & ~((1 << (20 - bits)) - 1);
        }

        var c = 1 << Math.Min(filterCode, 4);
        state = double.IsNaN(state) ? sample : ((state * (c - 1)) + sample) / c;
        return (int)Math.Round(state);
    }

    private static int Factor(int os) => os == 0 ? 0 : 1 << (Math.Min(os, 5) - 1);

    private void Put20(int address, int value)
    {
        _reg[address] = (byte)(value >> 12);
        _reg[address + 1] = (byte)(value >> 4);
        _reg[address + 2] = (byte)((value & 0x0F) << 4);
    }

    // Power-on values, BME280 datasheet Table 18: all control registers 0, data registers at their reset values.
    private void PowerOn()
    {
        Array.Clear(_reg);
        _trim.TemperaturePressureBytes().CopyTo(_reg, 0x88);
        if (IsBme280)
        {
            _reg[0xA1] = (byte)_trim.H1;
            _trim.HumidityBytes().CopyTo(_reg, 0xE1);
        }

        Put20(0xF7, 0x80000);
        Put20(0xFA, 0x80000);
        _reg[0xFD] = 0x80;
        _ctrlHumPending = 0;
        _filteredT = double.NaN;
        _filteredP = double.NaN;
    }
}
