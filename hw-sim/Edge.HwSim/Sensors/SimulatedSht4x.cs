namespace Edge.HwSim.Sensors;

/// <summary>
/// A SHT4x (datasheet SHT4x v6): measurement commands 0xFD/0xF6/0xE0 (typical 6.9/3.7/1.3 ms), heater commands
/// (0x39 ... 0x15: heat 1 s or 0.1 s, then measure, the result warmed by <see cref="HeaterRiseCelsius"/>),
/// serial number 0x89, soft reset 0x94. RH code S = (RH + 6)·65535/125.
/// </summary>
public sealed class SimulatedSht4x(TimeProvider time, int address = 0x44) : SimulatedSensirion(address, time)
{
    /// <summary>Ambient temperature, °C.</summary>
    public double TemperatureCelsius { get; set; } = 20.0;

    /// <summary>Relative humidity, %.</summary>
    public double HumidityPercent { get; set; } = 50.0;

    /// <summary>How much a heater pulse raises the measured temperature, °C.</summary>
    public double HeaterRiseCelsius { get; set; } = 8.0;

    /// <summary>Serial number (two words).</summary>
    public uint SerialNumber { get; set; } = 0x0F1E2D3C;

    /// <summary>Heater pulses run.</summary>
    public int HeaterPulses { get; private set; }

    /// <summary>Sets the ambient temperature, °C.</summary>
    public void SetTemperatureCelsius(double celsius) => TemperatureCelsius = celsius;

    /// <summary>Sets the relative humidity, %.</summary>
    public void SetHumidityPercent(double percent) => HumidityPercent = percent;

    /// <inheritdoc />
    protected override bool OnCommand(ReadOnlySpan<byte> data)
    {
        if (data.Length != 1)
        {
            return false;
        }

        switch (data[0])
        {
            case 0xFD: Measure(6900, 0); return true;
            case 0xF6: Measure(3700, 0); return true;
            case 0xE0: Measure(1300, 0); return true;
            case 0x39 or 0x2F or 0x1E: Heat(1000000); return true;
            case 0x32 or 0x24 or 0x15: Heat(100000); return true;
            case 0x89:
                Answer((int)(SerialNumber >> 16), (int)(SerialNumber & 0xFFFF));
                BusyFor(1000);
                return true;
            case 0x94:
                BusyFor(1000);
                return true;
            default:
                return false;
        }
    }

    private void Heat(int microseconds)
    {
        HeaterPulses++;
        Measure(microseconds + 6900, HeaterRiseCelsius);
    }

    private void Measure(int microseconds, double rise)
    {
        AnswerMeasurement(RawTemperature(TemperatureCelsius + rise), Clamp16((HumidityPercent + 6.0) * 65535.0 / 125.0));
        BusyFor(microseconds);
    }
}
