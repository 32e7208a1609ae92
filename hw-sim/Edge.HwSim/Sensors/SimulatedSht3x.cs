namespace Edge.HwSim.Sensors;

/// <summary>
/// A SHT3x (datasheet SHT3x-DIS): single-shot measurements with and without clock stretching (Table 9, typical
/// durations of Table 4), heater on/off (status bit 13; warms the sensor by <see cref="HeaterRiseCelsius"/>),
/// status register with the reset-detected bit after power-on and soft reset, clear status, soft reset.
/// Periodic mode is not modelled (refused with a NACK, like any unknown command).
/// </summary>
public sealed class SimulatedSht3x(TimeProvider time, int address = 0x44) : SimulatedSensirion(address, time)
{
    /// <summary>Status after power-on or reset: bit 4, system reset detected (Table 17).</summary>
    private const int ResetStatus = 0x0010;

    /// <summary>Ambient temperature, °C.</summary>
    public double TemperatureCelsius { get; set; } = 20.0;

    /// <summary>Relative humidity, %.</summary>
    public double HumidityPercent { get; set; } = 50.0;

    /// <summary>How much the heater raises the sensor's temperature, °C.</summary>
    public double HeaterRiseCelsius { get; set; } = 5.0;

    /// <summary>Status register (Table 17).</summary>
    public int Status { get; private set; } = ResetStatus;

    /// <summary>True while the heater is on.</summary>
    public bool HeaterOn => (Status & 0x2000) != 0;

    /// <summary>Sets the ambient temperature, °C.</summary>
    public void SetTemperatureCelsius(double celsius) => TemperatureCelsius = celsius;

    /// <summary>Sets the relative humidity, %.</summary>
    public void SetHumidityPercent(double percent) => HumidityPercent = percent;

    /// <inheritdoc />
    protected override bool OnCommand(ReadOnlySpan<byte> data)
    {
        if (data.Length != 2)
        {
            return false;
        }

        var command = (data[0] << 8) | data[1];
        switch (command)
        {
            case 0x2400: Measure(12500, false); return true;
            case 0x240B: Measure(4500, false); return true;
            case 0x2416: Measure(2500, false); return true;
            case 0x2C06: Measure(12500, true); return true;
            case 0x2C0D: Measure(4500, true); return true;
            case 0x2C10: Measure(2500, true); return true;
            case 0x306D: Status |= 0x2000; return true;
            case 0x3066: Status &= ~0x2000; return true;
            case 0xF32D: Answer(Status); return true;
            case 0x3041: Status &= ~0x8C10; return true;
            case 0x30A2:
                Status = ResetStatus;
                BusyFor(1500);
                return true;
            default:
                Status |= 0x0002;
                return false;
        }
    }

    private void Measure(int microseconds, bool clockStretching)
    {
        var t = TemperatureCelsius + (HeaterOn ? HeaterRiseCelsius : 0);
        AnswerMeasurement(RawTemperature(t), Clamp16(HumidityPercent * 65535.0 / 100.0));

        // With clock stretching the sensor holds SCL until done, so the read simply succeeds.
        if (!clockStretching)
        {
            BusyFor(microseconds);
        }
    }
}
