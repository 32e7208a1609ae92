namespace Edge.HwSim.Sensors;

/// <summary>
/// A SCD40/41 (datasheet SCD4x v1.x §3): periodic measurement every 5 s, data-ready status, read_measurement
/// (clears data-ready), temperature offset (default 4 °C, subtracted from the sensor's self-heated
/// temperature), sensor altitude, ambient pressure, automatic self-calibration, persist/reinit, serial number,
/// each with its execution time. Idle-only commands are refused (NACK) during periodic measurement.
/// </summary>
public sealed class SimulatedScd4x(TimeProvider time, int address = 0x62) : SimulatedSensirion(address, time)
{
    private const int DefaultOffsetWord = 1498; // 4 °C · 65535 / 175, rounded (§3.6.1 default)
    private int _offsetWord = DefaultOffsetWord;
    private int _altitude;
    private bool _asc = true;
    private (int Offset, int Altitude, bool Asc) _eeprom = (DefaultOffsetWord, 0, true);
    private DateTimeOffset _periodicStart;
    private long _cyclesRead;

    /// <summary>Ambient CO₂, ppm.</summary>
    public double Co2Ppm { get; set; } = 420;

    /// <summary>Ambient temperature, °C.</summary>
    public double TemperatureCelsius { get; set; } = 20.0;

    /// <summary>Relative humidity, %.</summary>
    public double HumidityPercent { get; set; } = 50.0;

    /// <summary>How much warmer than ambient the sensor runs, °C (the default offset compensates it exactly).</summary>
    public double SelfHeatingCelsius { get; set; } = 4.0;

    /// <summary>48-bit serial number.</summary>
    public long SerialNumber { get; set; } = 0x1234_5678_9ABC;

    /// <summary>True during periodic measurement.</summary>
    public bool Periodic { get; private set; }

    /// <summary>The temperature offset word the sensor holds.</summary>
    public int TemperatureOffsetWord => _offsetWord;

    /// <summary>The altitude setting, m.</summary>
    public int AltitudeMetres => _altitude;

    /// <summary>The last ambient pressure set, hPa (0 when never set).</summary>
    public int AmbientPressureHpa { get; private set; }

    /// <summary>The automatic self-calibration setting.</summary>
    public bool AutomaticSelfCalibration => _asc;

    /// <summary>EEPROM writes (persist_settings) so far.</summary>
    public int PersistCount { get; private set; }

    /// <summary>Sets ambient CO₂, ppm.</summary>
    public void SetCo2Ppm(double ppm) => Co2Ppm = ppm;

    /// <summary>Sets the ambient temperature, °C.</summary>
    public void SetTemperatureCelsius(double celsius) => TemperatureCelsius = celsius;

    /// <summary>Sets the relative humidity, %.</summary>
    public void SetHumidityPercent(double percent) => HumidityPercent = percent;

    /// <inheritdoc />
    protected override bool OnCommand(ReadOnlySpan<byte> data)
    {
        if (data.Length < 2)
        {
            return false;
        }

        var command = (data[0] << 8) | data[1];
        var hasArgument = data.Length == 5 && Edge.Firmware.Sensors.SensirionCrc.CheckWord(data[2..].ToArray(), 0);
        var argument = hasArgument ? (data[2] << 8) | data[3] : -1;
        if (data.Length == 5 && !hasArgument)
        {
            return false; // §3.11: a wrong CRC on an argument is not acknowledged
        }

        switch (command)
        {
            case 0x21B1 when !Periodic:
                Periodic = true;
                _periodicStart = Time.GetUtcNow();
                _cyclesRead = 0;
                return true;
            case 0x3F86:
                Periodic = false;
                BusyFor(500000);
                return true;
            case 0xE4B8:
                Answer(ReadyCycles() > _cyclesRead ? 0x8006 : 0x8000);
                BusyFor(1000);
                return true;
            case 0xEC05:
                return ReadMeasurement();
            case 0xE000 when hasArgument:
                AmbientPressureHpa = argument;
                BusyFor(1000);
                return true;
        }

        return !Periodic && IdleCommand(command, argument);
    }

    private bool IdleCommand(int command, int argument)
    {
        switch (command)
        {
            case 0x241D when argument >= 0: _offsetWord = argument; break;
            case 0x2318: Answer(_offsetWord); break;
            case 0x2427 when argument >= 0: _altitude = argument; break;
            case 0x2322: Answer(_altitude); break;
            case 0x2416 when argument >= 0: _asc = argument != 0; break;
            case 0x2313: Answer(_asc ? 1 : 0); break;
            case 0x3682: Answer((int)(SerialNumber >> 32) & 0xFFFF, (int)(SerialNumber >> 16) & 0xFFFF, (int)SerialNumber & 0xFFFF); break;
            case 0x3615:
                _eeprom = (_offsetWord, _altitude, _asc);
                PersistCount++;
                BusyFor(800000);
                return true;
            case 0x3646:
                (_offsetWord, _altitude, _asc) = _eeprom;
                BusyFor(20000);
                return true;
            default:
                return false;
        }

        BusyFor(1000);
        return true;
    }

    private bool ReadMeasurement()
    {
        // §3.5.2: read_measurement while no new data is ready answers with a NACK.
        var ready = ReadyCycles();
        if (!Periodic || ready <= _cyclesRead)
        {
            return false;
        }

        _cyclesRead = ready;
        var offset = _offsetWord * 175.0 / 65535.0;
        var t = TemperatureCelsius + SelfHeatingCelsius - offset;
        AnswerMeasurement(Clamp16(Co2Ppm), RawTemperature(t), Clamp16(HumidityPercent * 65535.0 / 100.0));
        BusyFor(1000);
        return true;
    }

    private long ReadyCycles() => Periodic ? (long)((Time.GetUtcNow() - _periodicStart).TotalMilliseconds / 5000) : 0;
}
