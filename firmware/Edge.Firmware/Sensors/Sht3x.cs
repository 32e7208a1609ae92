using System;
using Edge.Firmware.Hardware;

namespace Edge.Firmware.Sensors;

/// <summary>
/// Sensirion SHT30/31/35 humidity and temperature sensor (datasheet SHT3x-DIS, version 6/7) over an
/// <see cref="IRegisterBus"/> at 0x44 or 0x45. Single-shot measurements without clock stretching: the sensor
/// NACKs a read until the result is ready, so <see cref="StartMeasurement"/>, wait
/// <see cref="MeasurementTimeMs"/>, then <see cref="TryReadMeasurement"/> (or <see cref="Measure"/>, which
/// waits through an <see cref="IDelay"/>). Every word's CRC is checked; a failure sets <see cref="LastError"/>
/// and keeps the previous values. No allocation after construction.
/// </summary>
public sealed class Sht3x
{
    /// <summary>High repeatability (datasheet Table 4: 15.5 ms max).</summary>
    public const int RepeatabilityHigh = 0;

    /// <summary>Medium repeatability (6.5 ms max).</summary>
    public const int RepeatabilityMedium = 1;

    /// <summary>Low repeatability (4.5 ms max).</summary>
    public const int RepeatabilityLow = 2;

    // §4.3 Table 9, single shot with clock stretching disabled.
    private const int MeasureHigh = 0x2400;
    private const int MeasureMedium = 0x240B;
    private const int MeasureLow = 0x2416;

    // §4.9 heater, §4.11 status register, §4.8 soft reset.
    private const int HeaterEnable = 0x306D;
    private const int HeaterDisable = 0x3066;
    private const int ReadStatusCommand = 0xF32D;
    private const int ClearStatusCommand = 0x3041;
    private const int SoftResetCommand = 0x30A2;

    private readonly SensirionCommands _commands;
    private readonly IDelay? _delay;

    /// <summary>A driver over <paramref name="bus"/>; <paramref name="delay"/> is needed only by <see cref="Measure"/>.</summary>
    public Sht3x(IRegisterBus bus, IDelay? delay)
    {
        _commands = new SensirionCommands(bus);
        _delay = delay;
        Repeatability = RepeatabilityHigh;
    }

    /// <summary>One of the Repeatability constants; default high.</summary>
    public int Repeatability { get; set; }

    /// <summary>Longest wait from <see cref="StartMeasurement"/> to a result, ms (Table 4 maxima, rounded up).</summary>
    public int MeasurementTimeMs => Repeatability == RepeatabilityLow ? 5 : Repeatability == RepeatabilityMedium ? 7 : 16;

    /// <summary>Why the last call failed; one of <see cref="SensorError"/>.</summary>
    public int LastError => _commands.LastError;

    /// <summary>Last temperature, 0.001 °C.</summary>
    public int TemperatureMilliC { get; private set; }

    /// <summary>Last relative humidity, 0.001 %RH.</summary>
    public int HumidityMilliPercent { get; private set; }

    /// <summary>Last status register read by <see cref="ReadStatus"/> (§4.11 Table 17; bit 13 heater on).</summary>
    public int Status { get; private set; }

    /// <summary>Sends the single-shot command for the configured repeatability.</summary>
    public bool StartMeasurement()
    {
        var command = Repeatability == RepeatabilityLow ? MeasureLow : Repeatability == RepeatabilityMedium ? MeasureMedium : MeasureHigh;
        return _commands.Send16(command);
    }

    /// <summary>Reads T and RH (two words, each CRC-checked); false on NACK (not ready or absent) or CRC error.</summary>
    public bool TryReadMeasurement()
    {
        if (!_commands.ReadWords(2))
        {
            return false;
        }

        TemperatureMilliC = SensirionConversion.TemperatureMilliC(_commands.Words[0]);
        HumidityMilliPercent = SensirionConversion.HumidityMilliPercent(_commands.Words[1]);
        return true;
    }

    /// <summary>Start, wait <see cref="MeasurementTimeMs"/>, read.</summary>
    public bool Measure()
    {
        if (_delay == null)
        {
            throw new InvalidOperationException("Measure needs an IDelay");
        }

        if (!StartMeasurement())
        {
            return false;
        }

        _delay.Wait(MeasurementTimeMs);
        return TryReadMeasurement();
    }

    /// <summary>Switches the internal heater on or off (§4.9; for plausibility checks and to drive off condensation).</summary>
    public bool SetHeater(bool on) => _commands.Send16(on ? HeaterEnable : HeaterDisable);

    /// <summary>Reads the status register into <see cref="Status"/>.</summary>
    public bool ReadStatus()
    {
        if (!_commands.Send16(ReadStatusCommand) || !_commands.ReadWords(1))
        {
            return false;
        }

        Status = _commands.Words[0];
        return true;
    }

    /// <summary>Clears the status register's alert flags (§4.11).</summary>
    public bool ClearStatus() => _commands.Send16(ClearStatusCommand);

    /// <summary>Soft reset (§4.8): heater off, status to defaults; the sensor needs 1.5 ms before the next command.</summary>
    public bool SoftReset() => _commands.Send16(SoftResetCommand);
}
