using System;
using Edge.Firmware.Hardware;

namespace Edge.Firmware.Sensors;

/// <summary>
/// Bosch BME280 (temperature, pressure, humidity) and BMP280 (temperature, pressure) over an
/// <see cref="IRegisterBus"/>, after BME280 datasheet BST-BME280-DS002 and BMP280 BST-BMP280-DS001.
/// Non-blocking: <see cref="StartForced"/> then, <see cref="MeasurementTimeUs"/> later, <see cref="TryRead"/>.
/// Results are fixed-point integers; nothing allocates after construction. Bus failures never throw: the
/// call returns false and <see cref="LastError"/> says why.
/// </summary>
public sealed class Bmx280
{
    // 0xF3 status .. 0xFE hum_lsb: status, ctrl_meas, config, 0xF6 (reserved), then the data (§4 burst read).
    private const int BlockLength = 12;

    private readonly IRegisterBus _bus;
    private readonly byte[] _tx = new byte[2];
    private readonly byte[] _rx = new byte[BlockLength];
    private readonly byte[] _calib = new byte[24];
    private readonly Bmx280Calibration _calibration = new Bmx280Calibration();
    private int _osT = Bmx280Settings.Oversampling1;
    private int _osP = Bmx280Settings.Oversampling1;
    private int _osH = Bmx280Settings.Oversampling1;
    private int _filter;
    private int _standby;
    private bool _calibrated;

    /// <summary>A driver for the sensor behind <paramref name="bus"/> (address 0x76 or 0x77).</summary>
    public Bmx280(IRegisterBus bus)
    {
        if (bus == null)
        {
            throw new ArgumentNullException("bus");
        }

        _bus = bus;
    }

    /// <summary>The chip id read by <see cref="Initialise"/>: 0x60 BME280, 0x58 BMP280, 0 before.</summary>
    public int ChipId { get; private set; }

    /// <summary>True for a BME280 (has a humidity sensor).</summary>
    public bool HasHumidity => ChipId == Bmx280Register.Bme280Id;

    /// <summary>The calibration read from the sensor's NVM.</summary>
    public Bmx280Calibration Calibration => _calibration;

    /// <summary>Why the last call failed; one of <see cref="SensorError"/>.</summary>
    public int LastError { get; private set; }

    /// <summary>Last temperature, 0.01 °C.</summary>
    public int TemperatureCentiC { get; private set; }

    /// <summary>Last pressure, Pa as Q24.8 (Pa × 256), the datasheet's 64-bit output; 0 when skipped.</summary>
    public long PressureQ8 { get; private set; }

    /// <summary>Last pressure rounded to 0.01 Pa; 0 when skipped.</summary>
    public long PressureCentiPa => ((PressureQ8 * 100) + 128) >> 8;

    /// <summary>True when the last reading includes pressure (oversampling not skipped).</summary>
    public bool HasPressureReading { get; private set; }

    /// <summary>Last relative humidity, %RH as Q22.10 (%RH × 1024).</summary>
    public int HumidityQ10 { get; private set; }

    /// <summary>Last relative humidity rounded to 0.001 %RH.</summary>
    public int HumidityMilliPercent => (int)((((long)HumidityQ10 * 1000) + 512) >> 10);

    /// <summary>True when the last reading includes humidity (BME280 with humidity oversampling not skipped).</summary>
    public bool HasHumidityReading { get; private set; }

    /// <summary>Longest time the configured measurement takes, µs (datasheet Appendix B).</summary>
    public int MeasurementTimeUs => Bmx280Settings.MaxMeasurementUs(_osT, _osP, HasHumidity ? _osH : 0);

    /// <summary>
    /// Checks the chip id (0x60 or 0x58; anything else is <see cref="SensorError.WrongChip"/>) and soft-resets
    /// the sensor (0xB6 to 0xE0). The sensor copies its NVM for about 2 ms after the reset (start-up time,
    /// datasheet Table 1); then call <see cref="ReadCalibration"/>.
    /// </summary>
    public bool Initialise()
    {
        _calibrated = false;
        if (!ReadRegisters(Bmx280Register.ChipId, _rx, 1))
        {
            return false;
        }

        var id = _rx[0];
        if (id != Bmx280Register.Bme280Id && id != Bmx280Register.Bmp280Id)
        {
            ChipId = 0;
            return Fail(SensorError.WrongChip);
        }

        ChipId = id;
        return WriteRegister(Bmx280Register.Reset, Bmx280Register.ResetCommand) && Ok();
    }

    /// <summary>
    /// Reads the trimming parameters once the NVM copy is done (status.im_update = 0, else
    /// <see cref="SensorError.NotReady"/>: call again a little later).
    /// </summary>
    public bool ReadCalibration()
    {
        if (ChipId == 0)
        {
            return Fail(SensorError.NotInitialised);
        }

        if (!ReadRegisters(Bmx280Register.Status, _rx, 1))
        {
            return false;
        }

        if ((_rx[0] & 0x01) != 0)
        {
            return Fail(SensorError.NotReady);
        }

        if (!ReadRegisters(Bmx280Register.CalibT1, _calib, 24))
        {
            return false;
        }

        _calibration.ReadTemperaturePressure(_calib, 0);
        if (HasHumidity)
        {
            if (!ReadRegisters(Bmx280Register.CalibH1, _rx, 1))
            {
                return false;
            }

            var h1 = _rx[0];
            if (!ReadRegisters(Bmx280Register.CalibH2, _rx, 7))
            {
                return false;
            }

            _calibration.ReadHumidity(h1, _rx, 0);
        }

        _calibrated = true;
        return Ok();
    }

    /// <summary>
    /// Sets oversampling (<see cref="Bmx280Settings"/> osrs codes 0..5), the IIR filter (0..4) and the normal
    /// mode standby (t_sb 0..7) and puts the sensor to sleep. Settings are written in sleep mode because
    /// writes to config in normal mode may be ignored (datasheet §5.4.6); ctrl_hum is written before ctrl_meas,
    /// which makes it effective (§5.4.3).
    /// </summary>
    public bool Configure(int temperatureOs, int pressureOs, int humidityOs, int filter, int standby)
    {
        if (temperatureOs < 0 || temperatureOs > 5 || pressureOs < 0 || pressureOs > 5 || humidityOs < 0 || humidityOs > 5
            || filter < 0 || filter > 4 || standby < 0 || standby > 7)
        {
            return Fail(SensorError.BadArgument);
        }

        _osT = temperatureOs;
        _osP = pressureOs;
        _osH = humidityOs;
        _filter = filter;
        _standby = standby;
        if (!WriteRegister(Bmx280Register.CtrlMeas, CtrlMeas(Bmx280Settings.ModeSleep))
            || !WriteRegister(Bmx280Register.Config, (byte)((_standby << 5) | (_filter << 2))))
        {
            return false;
        }

        if (HasHumidity && !WriteRegister(Bmx280Register.CtrlHum, (byte)_osH))
        {
            return false;
        }

        return WriteRegister(Bmx280Register.CtrlMeas, CtrlMeas(Bmx280Settings.ModeSleep)) && Ok();
    }

    /// <summary>Starts one measurement (forced mode); the sensor returns to sleep when it is done.</summary>
    public bool StartForced() => SetMode(Bmx280Settings.ModeForced);

    /// <summary>Starts normal mode: a measurement every standby period; <see cref="TryRead"/> returns the latest.</summary>
    public bool StartNormal() => SetMode(Bmx280Settings.ModeNormal);

    /// <summary>Puts the sensor to sleep.</summary>
    public bool Sleep() => SetMode(Bmx280Settings.ModeSleep);

    /// <summary>
    /// Reads status, control and data in one burst (the data registers are shadowed during a burst, §4) and
    /// compensates. Not ready while a forced measurement is still running or while the temperature output
    /// still holds its reset value 0x80000 (no measurement since reset).
    /// </summary>
    public bool TryRead()
    {
        if (!_calibrated)
        {
            return Fail(SensorError.NotInitialised);
        }

        if (!ReadRegisters(Bmx280Register.Status, _rx, BlockLength))
        {
            return false;
        }

        var mode = _rx[1] & 0x03;
        var measuring = (_rx[0] & 0x08) != 0;
        if (mode == 1 || mode == 2 || (measuring && mode != Bmx280Settings.ModeNormal))
        {
            return Fail(SensorError.NotReady);
        }

        var adcP = (_rx[4] << 12) | (_rx[5] << 4) | (_rx[6] >> 4);
        var adcT = (_rx[7] << 12) | (_rx[8] << 4) | (_rx[9] >> 4);
        var adcH = (_rx[10] << 8) | _rx[11];
        if (adcT == 0x80000)
        {
            return Fail(SensorError.NotReady);
        }

        var tFine = _calibration.TemperatureFine(adcT);
        TemperatureCentiC = Bmx280Calibration.TemperatureCentiC(tFine);
        HasPressureReading = adcP != 0x80000;
        PressureQ8 = HasPressureReading ? _calibration.PressureQ8(adcP, tFine) : 0;
        HasHumidityReading = HasHumidity && adcH != 0x8000;
        HumidityQ10 = HasHumidityReading ? _calibration.HumidityQ10(adcH, tFine) : 0;
        return Ok();
    }

    private bool SetMode(int mode)
    {
        if (!_calibrated)
        {
            return Fail(SensorError.NotInitialised);
        }

        return WriteRegister(Bmx280Register.CtrlMeas, CtrlMeas(mode)) && Ok();
    }

    private byte CtrlMeas(int mode) => (byte)((_osT << 5) | (_osP << 2) | mode);

    private bool ReadRegisters(byte register, byte[] into, int count)
    {
        _tx[0] = register;
        try
        {
            _bus.WriteRead(_tx, 0, 1, into, 0, count);
            return true;
        }
        catch (Exception)
        {
            return Fail(SensorError.Bus);
        }
    }

    private bool WriteRegister(byte register, byte value)
    {
        _tx[0] = register;
        _tx[1] = value;
        try
        {
            _bus.Write(_tx, 0, 2);
            return true;
        }
        catch (Exception)
        {
            return Fail(SensorError.Bus);
        }
    }

    private bool Ok()
    {
        LastError = SensorError.None;
        return true;
    }

    private bool Fail(int error)
    {
        LastError = error;
        return false;
    }
}
