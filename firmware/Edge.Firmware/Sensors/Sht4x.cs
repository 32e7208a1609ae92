using System;
using Edge.Firmware.Hardware;

namespace Edge.Firmware.Sensors;

/// <summary>
/// Sensirion SHT40/41/45 humidity and temperature sensor (datasheet SHT4x, version 6.x) over an
/// <see cref="IRegisterBus"/> at 0x44 (0x45/0x46 variants). One-byte commands; the sensor NACKs reads until
/// the result is ready. Heater commands heat for 0.1 s or 1 s and then measure (§4.9). CRC on every word;
/// failures set <see cref="LastError"/> and keep the previous values. No allocation after construction.
/// </summary>
public sealed class Sht4x
{
    /// <summary>High precision (8.3 ms max).</summary>
    public const int PrecisionHigh = 0;

    /// <summary>Medium precision (4.5 ms max).</summary>
    public const int PrecisionMedium = 1;

    /// <summary>Low precision (1.6 ms max).</summary>
    public const int PrecisionLow = 2;

    // §4.5 Table 7 commands.
    private const int MeasureHigh = 0xFD;
    private const int MeasureMedium = 0xF6;
    private const int MeasureLow = 0xE0;
    private const int ReadSerialCommand = 0x89;
    private const int SoftResetCommand = 0x94;

    private readonly SensirionCommands _commands;
    private readonly IDelay? _delay;

    /// <summary>A driver over <paramref name="bus"/>; <paramref name="delay"/> is needed by <see cref="Measure"/>, <see cref="Heat"/> and <see cref="ReadSerial"/>.</summary>
    public Sht4x(IRegisterBus bus, IDelay? delay)
    {
        _commands = new SensirionCommands(bus);
        _delay = delay;
        Precision = PrecisionHigh;
    }

    /// <summary>One of the Precision constants; default high.</summary>
    public int Precision { get; set; }

    /// <summary>Longest wait for a measurement, ms (Table 4 maxima rounded up).</summary>
    public int MeasurementTimeMs => Precision == PrecisionLow ? 2 : Precision == PrecisionMedium ? 5 : 9;

    /// <summary>Why the last call failed; one of <see cref="SensorError"/>.</summary>
    public int LastError => _commands.LastError;

    /// <summary>Last temperature, 0.001 °C.</summary>
    public int TemperatureMilliC { get; private set; }

    /// <summary>Last relative humidity, 0.001 %RH, cropped to 0..100 %.</summary>
    public int HumidityMilliPercent { get; private set; }

    /// <summary>Serial number read by <see cref="ReadSerial"/>.</summary>
    public long SerialNumber { get; private set; }

    /// <summary>Sends the measurement command for the configured precision.</summary>
    public bool StartMeasurement() =>
        _commands.Send8(Precision == PrecisionLow ? MeasureLow : Precision == PrecisionMedium ? MeasureMedium : MeasureHigh);

    /// <summary>Reads T and RH (two CRC-checked words); false on NACK (not ready) or CRC error.</summary>
    public bool TryReadMeasurement()
    {
        if (!_commands.ReadWords(2))
        {
            return false;
        }

        TemperatureMilliC = SensirionConversion.TemperatureMilliC(_commands.Words[0]);
        HumidityMilliPercent = SensirionConversion.Sht4xHumidityMilliPercent(_commands.Words[1]);
        return true;
    }

    /// <summary>Start, wait, read.</summary>
    public bool Measure() => StartMeasurement() && Wait(MeasurementTimeMs) && TryReadMeasurement();

    /// <summary>
    /// Runs the heater at <paramref name="milliwatts"/> (200, 110 or 20) for 1 s (<paramref name="longPulse"/>) or
    /// 0.1 s, then measures (high precision) and reads the result (§4.9: max 1.1 s / 0.11 s). Keep the heater
    /// duty cycle under 10 %.
    /// </summary>
    public bool Heat(int milliwatts, bool longPulse)
    {
        int command;
        switch (milliwatts)
        {
            case 200: command = longPulse ? 0x39 : 0x32; break;
            case 110: command = longPulse ? 0x2F : 0x24; break;
            case 20: command = longPulse ? 0x1E : 0x15; break;
            default: throw new ArgumentOutOfRangeException("milliwatts", "200, 110 or 20 mW");
        }

        return _commands.Send8(command) && Wait(longPulse ? 1100 : 110) && TryReadMeasurement();
    }

    /// <summary>Reads the 32-bit serial number (two CRC-checked words).</summary>
    public bool ReadSerial()
    {
        if (!_commands.Send8(ReadSerialCommand) || !Wait(1) || !_commands.ReadWords(2))
        {
            return false;
        }

        SerialNumber = ((long)_commands.Words[0] << 16) | (long)_commands.Words[1];
        return true;
    }

    /// <summary>Soft reset (§4.5); the sensor needs 1 ms before the next command.</summary>
    public bool SoftReset() => _commands.Send8(SoftResetCommand);

    private bool Wait(int ms)
    {
        if (_delay == null)
        {
            throw new InvalidOperationException("this call needs an IDelay");
        }

        _delay.Wait(ms);
        return true;
    }
}
