using System;
using Edge.Firmware.Hardware;

namespace Edge.Firmware.Sensors;

/// <summary>
/// Sensirion SCD40/41 CO₂ sensor (datasheet SCD4x, version 1.x, §3) over an <see cref="IRegisterBus"/> at 0x62.
/// Periodic measurement every 5 s; settings (temperature offset, altitude, self-calibration) only while idle,
/// ambient pressure at any time. Commands that answer wait their execution time (1 ms) through the
/// <see cref="IDelay"/>. Every word is CRC-checked; failures set <see cref="LastError"/> and keep the previous
/// values. No allocation after construction.
/// </summary>
public sealed class Scd4x
{
    // §3.5-§3.9 command codes.
    private const int StartPeriodic = 0x21B1;
    private const int ReadMeasurementCommand = 0xEC05;
    private const int StopPeriodic = 0x3F86;
    private const int SetTemperatureOffsetCommand = 0x241D;
    private const int GetTemperatureOffsetCommand = 0x2318;
    private const int SetAltitudeCommand = 0x2427;
    private const int GetAltitudeCommand = 0x2322;
    private const int SetAmbientPressureCommand = 0xE000;
    private const int SetAscCommand = 0x2416;
    private const int GetAscCommand = 0x2313;
    private const int DataReadyCommand = 0xE4B8;
    private const int PersistCommand = 0x3615;
    private const int SerialCommand = 0x3682;
    private const int ReinitCommand = 0x3646;

    private readonly SensirionCommands _commands;
    private readonly IDelay _delay;
    private int _localError;

    /// <summary>A driver over <paramref name="bus"/>, waiting command execution times with <paramref name="delay"/>.</summary>
    public Scd4x(IRegisterBus bus, IDelay delay)
    {
        if (delay == null)
        {
            throw new ArgumentNullException("delay");
        }

        _commands = new SensirionCommands(bus);
        _delay = delay;
    }

    /// <summary>Interval of periodic measurement, ms (§3.5.1).</summary>
    public const int PeriodMs = 5000;

    /// <summary>Why the last call failed; one of <see cref="SensorError"/>.</summary>
    public int LastError => _localError != SensorError.None ? _localError : _commands.LastError;

    /// <summary>True between <see cref="StartPeriodicMeasurement"/> and <see cref="StopPeriodicMeasurement"/>.</summary>
    public bool IsMeasuring { get; private set; }

    /// <summary>Last CO₂ concentration, ppm.</summary>
    public int Co2Ppm { get; private set; }

    /// <summary>Last temperature, 0.001 °C (after the sensor's temperature offset).</summary>
    public int TemperatureMilliC { get; private set; }

    /// <summary>Last relative humidity, 0.001 %RH.</summary>
    public int HumidityMilliPercent { get; private set; }

    /// <summary>Temperature offset read by <see cref="ReadTemperatureOffset"/>, 0.001 °C.</summary>
    public int TemperatureOffsetMilliC { get; private set; }

    /// <summary>Altitude read by <see cref="ReadSensorAltitude"/>, m.</summary>
    public int AltitudeM { get; private set; }

    /// <summary>Automatic self-calibration state read by <see cref="ReadAutomaticSelfCalibration"/>.</summary>
    public bool AutomaticSelfCalibration { get; private set; }

    /// <summary>48-bit serial number read by <see cref="ReadSerialNumber"/>.</summary>
    public long SerialNumber { get; private set; }

    /// <summary>Starts periodic measurement (first result after about 5 s).</summary>
    public bool StartPeriodicMeasurement()
    {
        Clear();
        if (!_commands.Send16(StartPeriodic))
        {
            return false;
        }

        IsMeasuring = true;
        return true;
    }

    /// <summary>Stops periodic measurement; the sensor takes 500 ms before it accepts other commands.</summary>
    public bool StopPeriodicMeasurement()
    {
        Clear();
        if (!_commands.Send16(StopPeriodic))
        {
            return false;
        }

        _delay.Wait(500);
        IsMeasuring = false;
        return true;
    }

    /// <summary>
    /// Asks whether a measurement is ready; true only when it is (§3.8.2: ready when the 11 least significant
    /// bits of the status word are not 0). False with <see cref="SensorError.NotReady"/> when not yet.
    /// </summary>
    public bool IsDataReady()
    {
        if (!Query(DataReadyCommand, 1))
        {
            return false;
        }

        if ((_commands.Words[0] & 0x07FF) == 0)
        {
            _localError = SensorError.NotReady;
            return false;
        }

        return true;
    }

    /// <summary>Reads CO₂, temperature and humidity (three CRC-checked words, §3.5.2); the sensor then clears data-ready.</summary>
    public bool TryReadMeasurement()
    {
        if (!Query(ReadMeasurementCommand, 3))
        {
            return false;
        }

        Co2Ppm = _commands.Words[0];
        TemperatureMilliC = SensirionConversion.TemperatureMilliC(_commands.Words[1]);
        HumidityMilliPercent = SensirionConversion.HumidityMilliPercent(_commands.Words[2]);
        return true;
    }

    /// <summary>Sets the temperature offset (0..20 °C, in 0.001 °C; default 4 °C) the sensor subtracts for its own heating (§3.6.1).</summary>
    public bool SetTemperatureOffset(int offsetMilliC) =>
        offsetMilliC < 0 || offsetMilliC > 20000
            ? Reject(SensorError.BadArgument)
            : IdleSend(SetTemperatureOffsetCommand, SensirionConversion.TemperatureOffsetWord(offsetMilliC));

    /// <summary>Reads the temperature offset into <see cref="TemperatureOffsetMilliC"/>.</summary>
    public bool ReadTemperatureOffset()
    {
        if (!IdleQuery(GetTemperatureOffsetCommand))
        {
            return false;
        }

        TemperatureOffsetMilliC = SensirionConversion.TemperatureOffsetMilliC(_commands.Words[0]);
        return true;
    }

    /// <summary>Sets the installation altitude, 0..3000 m above sea level, for pressure compensation (§3.6.3).</summary>
    public bool SetSensorAltitude(int metres) =>
        metres < 0 || metres > 3000 ? Reject(SensorError.BadArgument) : IdleSend(SetAltitudeCommand, metres);

    /// <summary>Reads the altitude into <see cref="AltitudeM"/>.</summary>
    public bool ReadSensorAltitude()
    {
        if (!IdleQuery(GetAltitudeCommand))
        {
            return false;
        }

        AltitudeM = _commands.Words[0];
        return true;
    }

    /// <summary>
    /// Sets the ambient pressure, 70000..120000 Pa, overriding the altitude; allowed during periodic measurement
    /// (§3.6.5). Sent as the pressure in hPa (Pa / 100, rounded).
    /// </summary>
    public bool SetAmbientPressure(int pascals)
    {
        if (pascals < 70000 || pascals > 120000)
        {
            return Reject(SensorError.BadArgument);
        }

        Clear();
        return _commands.Send16(SetAmbientPressureCommand, (pascals + 50) / 100) && Pause(1);
    }

    /// <summary>Enables or disables automatic self-calibration (§3.7.2; on by default, for rooms aired to 400 ppm weekly).</summary>
    public bool SetAutomaticSelfCalibration(bool enabled) => IdleSend(SetAscCommand, enabled ? 1 : 0);

    /// <summary>Reads the self-calibration state into <see cref="AutomaticSelfCalibration"/>.</summary>
    public bool ReadAutomaticSelfCalibration()
    {
        if (!IdleQuery(GetAscCommand))
        {
            return false;
        }

        AutomaticSelfCalibration = _commands.Words[0] != 0;
        return true;
    }

    /// <summary>Stores the settings in EEPROM (§3.9.1, 800 ms; limited write endurance: only when they change).</summary>
    public bool PersistSettings() => IdleCommand(PersistCommand, 800);

    /// <summary>Reloads the settings from EEPROM (§3.9.6, 20 ms).</summary>
    public bool Reinit() => IdleCommand(ReinitCommand, 20);

    /// <summary>Reads the serial number (three CRC-checked words) into <see cref="SerialNumber"/>.</summary>
    public bool ReadSerialNumber()
    {
        if (!IdleQuery(SerialCommand, 3))
        {
            return false;
        }

        SerialNumber = ((long)_commands.Words[0] << 32) | ((long)_commands.Words[1] << 16) | (long)_commands.Words[2];
        return true;
    }

    private bool IdleSend(int command, int argument)
    {
        if (IsMeasuring)
        {
            return Reject(SensorError.NotInitialised);
        }

        Clear();
        return _commands.Send16(command, argument) && Pause(1);
    }

    private bool IdleCommand(int command, int waitMs)
    {
        if (IsMeasuring)
        {
            return Reject(SensorError.NotInitialised);
        }

        Clear();
        return _commands.Send16(command) && Pause(waitMs);
    }

    private bool IdleQuery(int command, int words = 1)
    {
        if (IsMeasuring)
        {
            return Reject(SensorError.NotInitialised);
        }

        return Query(command, words);
    }

    private bool Query(int command, int words)
    {
        Clear();
        return _commands.Send16(command) && Pause(1) && _commands.ReadWords(words);
    }

    private bool Pause(int ms)
    {
        _delay.Wait(ms);
        return true;
    }

    private void Clear() => _localError = SensorError.None;

    private bool Reject(int error)
    {
        _localError = error;
        return false;
    }
}
