using System.Device.I2c;
using Iot.Device.Bmxx80;
using Iot.Device.Bmxx80.PowerMode;

namespace Edge.Gateway.Sensors;

/// <summary>
/// Reads one Pi-attached sensor through its Iot.Device.Bindings driver over an <see cref="I2cDevice"/> the caller
/// opened (the reader never creates the bus). Blocking: the bindings sleep through conversion times. A failed
/// reading raises <see cref="SensorReadException"/>; I2C errors surface as <see cref="IOException"/>.
/// </summary>
public sealed class I2cSensorReader : IDisposable
{
    private readonly string _kind;
    private readonly Bmx280Base? _bmx;
    private readonly Iot.Device.Sht3x.Sht3x? _sht3x;
    private readonly Iot.Device.Sht4x.Sht4x? _sht4x;
    private readonly Iot.Device.Scd4x.Scd4x? _scd4x;

    /// <summary>Opens the binding for <paramref name="kind"/> on <paramref name="device"/> (checks the chip id, resets, configures).</summary>
    public I2cSensorReader(string kind, I2cDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        _kind = kind;
        switch (kind)
        {
            case SensorKinds.Bme280:
                var bme = new Bme280(device);
                bme.HumiditySampling = Sampling.Standard;
                _bmx = bme;
                break;
            case SensorKinds.Bmp280:
                _bmx = new Bmp280(device);
                break;
            case SensorKinds.Sht3x:
                _sht3x = new Iot.Device.Sht3x.Sht3x(device);
                break;
            case SensorKinds.Sht4x:
                _sht4x = new Iot.Device.Sht4x.Sht4x(device);
                break;
            case SensorKinds.Scd4x:
                _scd4x = new Iot.Device.Scd4x.Scd4x(device);
                break;
            default:
                throw new ArgumentException("unknown sensor kind '" + kind + "'", nameof(kind));
        }

        if (_bmx is not null)
        {
            _bmx.TemperatureSampling = Sampling.Standard;
            _bmx.PressureSampling = Sampling.HighResolution;
        }
    }

    /// <summary>
    /// Takes one reading (an SCD4x blocks until its next 5 s measurement).
    /// </summary>
    public IReadOnlyList<SensorValue> Read()
    {
        switch (_kind)
        {
            case SensorKinds.Bme280 or SensorKinds.Bmp280:
                return ReadBmx();
            case SensorKinds.Sht3x:
                // The binding returns the previous value when a CRC fails, so read both once each.
                return [SensorValue.Temperature(_sht3x!.Temperature.DegreesCelsius), SensorValue.Humidity(_sht3x.Humidity.Percent)];
            case SensorKinds.Sht4x:
                var (rh, t) = _sht4x!.ReadHumidityAndTemperature();
                if (rh is null || t is null)
                {
                    throw new SensorReadException("SHT4x: CRC mismatch in the measurement");
                }

                return [SensorValue.Temperature(t.Value.DegreesCelsius), SensorValue.Humidity(rh.Value.Percent)];
            default:
                return ReadScd4x();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _bmx?.Dispose();
        _sht3x?.Dispose();
        _sht4x?.Dispose();
        _scd4x?.Dispose();
    }

    private List<SensorValue> ReadBmx()
    {
        var bmx = _bmx!;
        bmx.SetPowerMode(Bmx280PowerMode.Forced);
        Thread.Sleep(bmx.GetMeasurementDuration());
        if (bmx.ReadStatus().Measuring)
        {
            Thread.Sleep(bmx.GetMeasurementDuration());
        }

        if (!bmx.TryReadTemperature(out var t) || !bmx.TryReadPressure(out var p))
        {
            throw new SensorReadException(_kind + ": measurement skipped");
        }

        List<SensorValue> values = [SensorValue.Temperature(t.DegreesCelsius), SensorValue.Pressure(p.Pascals)];
        if (bmx is Bme280 bme && bme.TryReadHumidity(out var h))
        {
            values.Add(SensorValue.Humidity(h.Percent));
        }

        return values;
    }

    private List<SensorValue> ReadScd4x()
    {
        // The binding waits for the next 5 s period and the data-ready flag.
        var (co2, rh, t) = _scd4x!.ReadPeriodicMeasurement();
        if (co2 is null || rh is null || t is null)
        {
            throw new SensorReadException("SCD4x: CRC mismatch in the measurement");
        }

        return [SensorValue.Co2(co2.Value.PartsPerMillion), SensorValue.Temperature(t.Value.DegreesCelsius), SensorValue.Humidity(rh.Value.Percent)];
    }
}
