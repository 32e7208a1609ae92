using Edge.Firmware.Sensors;
using Edge.Firmware.Sensors.Uart;

namespace Edge.Firmware.App;

/// <summary>Starting and sampling the fitted sensors.</summary>
public sealed partial class SensorNodeDevice
{
    private long _rainBlocks;

    private bool IsFitted(int slot)
    {
        switch (slot)
        {
            case SlotBmx280: return _hw.Bmx280 != null;
            case SlotSht: return _hw.Sht4x != null || _hw.Sht3x != null;
            case SlotScd4x: return _hw.Scd4x != null;
            case SlotPms5003: return _hw.Pms5003 != null;
            case SlotWaterLevel: return _hw.WaterLevel != null;
            case SlotSeismic: return _hw.Seismic != null && _hw.Trigger != null;
            default: return false;
        }
    }

    private void StartSensor(int slot)
    {
        var ok = false;
        var error = 0;
        switch (slot)
        {
            case SlotBmx280:
                var bmx = _hw.Bmx280!;
                ok = bmx.Initialise();
                if (ok)
                {
                    // NVM copy after the soft reset takes about 2 ms (datasheet Table 1, start-up time).
                    Wait(3);
                    ok = bmx.ReadCalibration()
                        && bmx.Configure(Bmx280Settings.Oversampling1, Bmx280Settings.Oversampling1, Bmx280Settings.Oversampling1, Bmx280Settings.FilterOff, 0);
                }

                error = bmx.LastError;
                break;
            case SlotSht:
                ok = true;
                break;
            case SlotScd4x:
                var scd = _hw.Scd4x!;
                ok = scd.StartPeriodicMeasurement();
                error = scd.LastError;
                break;
            case SlotPms5003:
                var pms = _hw.Pms5003!;
                error = pms.Configure();
                if (error == UartSensorStatus.Ok)
                {
                    error = pms.SetPassive(true, _config.UartTimeoutMs);
                }

                ok = error == UartSensorStatus.Ok;
                break;
            case SlotWaterLevel:
                error = _hw.WaterLevel!.Configure();
                ok = error == UartSensorStatus.Ok;
                break;
            case SlotSeismic:
                error = _hw.Seismic!.Start();
                ok = error == 0;
                break;
        }

        _ready[slot] = ok;
        if (!ok)
        {
            Fault(slot, error);
        }
    }

    private void Sample(int slot, long now)
    {
        if (!_ready[slot])
        {
            StartSensor(slot);
            if (!_ready[slot])
            {
                return;
            }
        }

        switch (slot)
        {
            case SlotBmx280: SampleBmx280(now); break;
            case SlotSht: SampleSht(now); break;
            case SlotScd4x: SampleScd4x(now); break;
            case SlotPms5003: SamplePms5003(now); break;
            case SlotWaterLevel: SampleWaterLevel(now); break;
        }
    }

    private void SampleBmx280(long now)
    {
        var bmx = _hw.Bmx280!;
        if (!bmx.StartForced())
        {
            Fault(SlotBmx280, bmx.LastError);
            return;
        }

        Wait((bmx.MeasurementTimeUs + 999) / 1000);
        if (!bmx.TryRead())
        {
            Fault(SlotBmx280, bmx.LastError);
            return;
        }

        Store(SlotBmx280, SensorNodeChannels.Temperature, now, (long)bmx.TemperatureCentiC * 10);
        if (bmx.HasPressureReading)
        {
            Store(SlotBmx280, SensorNodeChannels.Pressure, now, bmx.PressureCentiPa * 10);
        }

        if (bmx.HasHumidityReading)
        {
            Store(SlotBmx280, SensorNodeChannels.Humidity, now, bmx.HumidityMilliPercent);
        }

        Succeeded(SlotBmx280);
    }

    private void SampleSht(long now)
    {
        int t;
        int h;
        if (_hw.Sht4x != null)
        {
            if (!_hw.Sht4x.Measure())
            {
                Fault(SlotSht, _hw.Sht4x.LastError);
                return;
            }

            t = _hw.Sht4x.TemperatureMilliC;
            h = _hw.Sht4x.HumidityMilliPercent;
        }
        else
        {
            if (!_hw.Sht3x!.Measure())
            {
                Fault(SlotSht, _hw.Sht3x.LastError);
                return;
            }

            t = _hw.Sht3x.TemperatureMilliC;
            h = _hw.Sht3x.HumidityMilliPercent;
        }

        Store(SlotSht, SensorNodeChannels.Temperature, now, t);
        Store(SlotSht, SensorNodeChannels.Humidity, now, h);
        Succeeded(SlotSht);
    }

    private void SampleScd4x(long now)
    {
        var scd = _hw.Scd4x!;
        if (!scd.IsDataReady())
        {
            Fault(SlotScd4x, scd.LastError);
            return;
        }

        if (!scd.TryReadMeasurement())
        {
            Fault(SlotScd4x, scd.LastError);
            return;
        }

        Store(SlotScd4x, SensorNodeChannels.Co2, now, (long)scd.Co2Ppm * 1000);
        Succeeded(SlotScd4x);
    }

    private void SamplePms5003(long now)
    {
        var pms = _hw.Pms5003!;
        var status = pms.RequestRead(_config.UartTimeoutMs);
        if (status != UartSensorStatus.Ok)
        {
            Fault(SlotPms5003, status);
            return;
        }

        Store(SlotPms5003, SensorNodeChannels.Pm25, now, (long)pms.Latest.Pm25Atmospheric * 1000);
        Store(SlotPms5003, SensorNodeChannels.Pm10, now, (long)pms.Latest.Pm10Atmospheric * 1000);
        Succeeded(SlotPms5003);
    }

    private void SampleWaterLevel(long now)
    {
        var filter = _hw.WaterLevel!.Filter;
        if (!filter.Ready)
        {
            Fault(SlotWaterLevel, UartSensorStatus.NoFrame);
            return;
        }

        // Millimetres are thousandths of the channel's metre.
        Store(SlotWaterLevel, SensorNodeChannels.WaterLevel, now, filter.LevelMm);
        Succeeded(SlotWaterLevel);
    }

    // Sensors read between samples: the A02YYUW streams a distance every 100 ms into its median filter; the
    // rain gauge closes its 10-minute blocks on the clock.
    private void PollContinuous()
    {
        var level = _hw.WaterLevel;
        if (level != null && _ready[SlotWaterLevel])
        {
            var status = level.Poll(20, 64, out _);
            if (status == UartSensorStatus.LinkError)
            {
                Fault(SlotWaterLevel, status);
            }
        }

        var rain = _hw.Rain;
        if (rain == null)
        {
            return;
        }

        rain.Poll(_clock.UptimeMs, _clock.UtcNowUnixMs);
        if (rain.BlocksClosed == _rainBlocks)
        {
            return;
        }

        // Several blocks can close in one poll only after a long stall; the latest block and hour are reported.
        _rainBlocks = rain.BlocksClosed;
        var end = rain.LastBlockEndUnixMs;
        StoreRain(SensorNodeChannels.Rain10Min, end, rain.Last10MinMicrometres);
        if (rain.HourComplete)
        {
            StoreRain(SensorNodeChannels.Rain1Hour, end, rain.LastHourMicrometres);
        }
    }

    private void StoreRain(int channel, long observedUnixMs, long micrometres)
    {
        var flags = _bootFlags;
        _bootFlags = 0;
        _runtime.Append(observedUnixMs, micrometres, flags, channel);
    }

    private void Wait(int ms)
    {
        if (_hw.Delay != null && ms > 0)
        {
            _hw.Delay.Wait(ms);
        }
    }
}
