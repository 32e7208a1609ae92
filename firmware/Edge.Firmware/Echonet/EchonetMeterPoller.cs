using Edge.Firmware.Hardware;

namespace Edge.Firmware.Echonet;

/// <summary>
/// Reads one ECHONET Lite meter (smart electric 0x0288, water 0x0281 or gas 0x0282) on a schedule: first its
/// scale (coefficient 0xD3, digits 0xD7, unit 0xE1), then the cumulative register 0xE0 every
/// <see cref="IntervalMs"/>; when a read succeeds after a gap (an outage of the meter, the radio or us) it
/// fills the gap from the meter's half-hourly historical data (smart meter: SetC 0xE5 = day, then Get 0xE2,
/// for each day back to the last good read; water and gas: Get 0xE2). Notifications (the smart meter's INF of
/// 0xEA/0xEB every 30 minutes, INF of 0xE0/0xE7) become readings too. When the sink is also an
/// <see cref="IEchonetStatusSink"/>, each cumulative read asks for fault status 0x88 (and abnormal value 0xE3 of a
/// water meter) in the same Get, and their announcements (INF) are delivered as they come; a status property
/// the meter answers without (Get_SNA, PDC 0) is not asked again. Call <see cref="Tick"/> from the
/// scheduler, and <see cref="EchonetRequester.Listen"/> in between so notifications are taken while idle; neither
/// blocks longer than the requester's timeouts.
/// </summary>
public sealed class EchonetMeterPoller : IEchonetNotificationHandler
{
    private readonly IClock _clock;
    private readonly IEchonetReadingSink _sink;
    private readonly IEchonetStatusSink? _status;
    private readonly byte[] _readEpcs = new byte[3];
    private bool _faultUnsupported;
    private bool _abnormalUnsupported;
    private readonly EchonetValue _value = new EchonetValue();
    private readonly byte[] _scaleEpcs = new byte[] { 0xD3, 0xD7, 0xE1 };
    private long _nextDueUptimeMs;
    private bool _scaleKnown;

    /// <summary>Creates a poller for <paramref name="meterEoj"/> (e.g. 0x028801) behind <paramref name="transport"/>.</summary>
    public EchonetMeterPoller(IEchonetTransport transport, IClock clock, int meterEoj, IEchonetReadingSink sink)
    {
        _clock = clock;
        _sink = sink;
        _status = sink as IEchonetStatusSink;
        MeterEoj = meterEoj;
        Requester = new EchonetRequester(transport, clock, this);
    }

    /// <summary>The meter object read.</summary>
    public int MeterEoj { get; }

    /// <summary>The requester (timeouts and retries are set on it).</summary>
    public EchonetRequester Requester { get; }

    /// <summary>The meter's coefficient, digits and unit as learnt so far.</summary>
    public EchonetMeterScale Scale { get; } = new EchonetMeterScale();

    /// <summary>Time between cumulative reads (default 30 minutes, the meters' own half-hour grid).</summary>
    public int IntervalMs = 30 * 60 * 1000;

    /// <summary>Time before trying again after a failed exchange.</summary>
    public int RetryMs = 60 * 1000;

    /// <summary>The meter's time zone, minutes east of UTC (JST by default).</summary>
    public int UtcOffsetMinutes = EchonetTime.JstOffsetMinutes;

    /// <summary>Most days of historical data fetched to fill one gap (the smart meter keeps 0-99).</summary>
    public int MaxHistoryDays = 7;

    /// <summary>Wall time (Unix ms) of the last successful cumulative read, -1 before the first.</summary>
    public long LastReadUnixMs { get; private set; } = -1;

    /// <summary>Outcome of the last exchange, see <see cref="EchonetOutcome"/>.</summary>
    public int LastOutcome => Requester.LastOutcome;

    /// <summary>Historical slots delivered to fill gaps so far.</summary>
    public int HistorySlotsDelivered { get; private set; }

    private int MeterClass => MeterEoj >> 8;

    /// <summary>Reads when due; true when a cumulative read succeeded in this call.</summary>
    public bool Tick()
    {
        if (_clock.UptimeMs < _nextDueUptimeMs)
        {
            return false;
        }

        if (!_scaleKnown && !ReadScale())
        {
            _nextDueUptimeMs = _clock.UptimeMs + RetryMs;
            return false;
        }

        var previous = LastReadUnixMs;
        if (!ReadCumulative())
        {
            _nextDueUptimeMs = _clock.UptimeMs + RetryMs;
            return false;
        }

        // A missed half-hour grid point or more: fill from the meter's history.
        if (previous >= 0 && LastReadUnixMs - previous > IntervalMs + (IntervalMs / 2))
        {
            FillGap(previous, LastReadUnixMs);
        }

        _nextDueUptimeMs = _clock.UptimeMs + IntervalMs;
        return true;
    }

    /// <summary>Makes the next <see cref="Tick"/> read at once (the link just came back: no need to wait out a retry delay).</summary>
    public void DueNow()
    {
        _nextDueUptimeMs = 0;
    }

    /// <summary>Gets the scale properties; a meter without 0xD3 (Get_SNA) keeps coefficient 1.</summary>
    public bool ReadScale()
    {
        int outcome;
        if (MeterClass == EchonetClass.LowVoltageSmartMeter)
        {
            outcome = Requester.Get(MeterEoj, _scaleEpcs, 3);
        }
        else if (MeterClass == EchonetClass.WaterFlowMeter)
        {
            outcome = Requester.Get(MeterEoj, 0xE1);
        }
        else
        {
            _scaleKnown = true;
            return true;
        }

        if (outcome != EchonetOutcome.Ok && outcome != EchonetOutcome.NotAvailable)
        {
            return false;
        }

        EchonetPropertyDecoder.Learn(Requester.Response, Scale);
        _scaleKnown = Scale.UnitCode >= 0;
        return _scaleKnown;
    }

    /// <summary>Gets 0xE0 (with the status properties, see <see cref="IEchonetStatusSink"/>) and delivers it stamped with our wall time.</summary>
    public bool ReadCumulative()
    {
        var outcome = Requester.Get(MeterEoj, _readEpcs, CumulativeRequest());
        if (outcome != EchonetOutcome.Ok && outcome != EchonetOutcome.NotAvailable)
        {
            return false;
        }

        var f = Requester.Response;
        var now = _clock.UtcNowUnixMs;
        for (var k = 0; k < f.PropertyCount && _status != null; k++)
        {
            if (IsStatus(f.Epc(k)))
            {
                TakeStatus(f, k, now, true);
            }
        }

        var i = f.Find(0xE0);
        if (i < 0 || !EchonetPropertyDecoder.Decode(f, i, Scale, _value) || !Deliver(0xE0, now))
        {
            return false;
        }

        LastReadUnixMs = now;
        return true;
    }

    /// <summary>
    /// Delivers the half-hourly values after <paramref name="fromUnixMs"/> up to <paramref name="toUnixMs"/>
    /// from the meter's historical data; returns the slots delivered.
    /// </summary>
    public int FillGap(long fromUnixMs, long toUnixMs)
    {
        var today = EchonetTime.LocalMidnight(toUnixMs, UtcOffsetMinutes);
        var days = (int)((today - EchonetTime.LocalMidnight(fromUnixMs, UtcOffsetMinutes)) / EchonetTime.DayMs);
        if (MeterClass != EchonetClass.LowVoltageSmartMeter)
        {
            // Water and gas history has no day selector: it holds the current day.
            days = 0;
        }

        if (days > MaxHistoryDays)
        {
            days = MaxHistoryDays;
        }

        var delivered = 0;
        for (var day = days; day >= 0; day--)
        {
            if (MeterClass == EchonetClass.LowVoltageSmartMeter && Requester.SetC(MeterEoj, 0xE5, day) != EchonetOutcome.Ok)
            {
                continue;
            }

            if (Requester.Get(MeterEoj, 0xE2) != EchonetOutcome.Ok)
            {
                continue;
            }

            var f = Requester.Response;
            var i = f.Find(0xE2);
            if (i < 0 || !EchonetPropertyDecoder.Decode(f, i, Scale, _value) || !_value.Scaled)
            {
                continue;
            }

            if (_value.HistoryDay >= 0 && _value.HistoryDay != day)
            {
                continue; // the meter did not take our day setting: these values belong elsewhere
            }

            var midnight = today - (day * EchonetTime.DayMs);
            for (var s = 0; s < _value.HistoryCount; s++)
            {
                var at = midnight + (s * 30L * 60000L);
                if (at > fromUnixMs && at <= toUnixMs && _value.HistoryStatus[s] == EchonetValueStatus.Valid)
                {
                    _sink.OnReading(MeterEoj, 0xE2, at, _value.HistoryMantissa(s), _value.Exponent, _value.Unit!);
                    delivered++;
                }
            }
        }

        HistorySlotsDelivered += delivered;
        return delivered;
    }

    /// <summary>INF/INFC from the meter: learns its scale, delivers 0xE0/0xE3/0xE7 and 0xEA/0xEB values and announced status (0x88, water 0xE3).</summary>
    public void OnNotification(EchonetFrame frame)
    {
        if (frame.Seoj != MeterEoj)
        {
            return; // another object of the node (the node profile's instance list, a second meter instance)
        }

        EchonetPropertyDecoder.Learn(frame, Scale);
        for (var i = 0; i < frame.PropertyCount; i++)
        {
            var epc = frame.Epc(i);
            if (_status != null && IsStatus(epc))
            {
                TakeStatus(frame, i, _clock.UtcNowUnixMs, false);
                continue;
            }

            if (epc != 0xE0 && epc != 0xE3 && epc != 0xE7 && epc != 0xEA && epc != 0xEB)
            {
                continue;
            }

            if (!EchonetPropertyDecoder.Decode(frame, i, Scale, _value))
            {
                continue;
            }

            var at = _value.Kind == EchonetValueKind.TimedNumber
                ? EchonetTime.ToUnixMs(_value.Year, _value.Month, _value.Day, _value.Hour, _value.Minute, _value.Second, UtcOffsetMinutes)
                : _clock.UtcNowUnixMs;
            Deliver(epc, at);
        }
    }

    /// <summary>Fills the EPCs of a cumulative read: 0xE0, then the status properties the meter has not refused.</summary>
    private int CumulativeRequest()
    {
        var n = 0;
        _readEpcs[n++] = 0xE0;
        if (_status != null && !_faultUnsupported)
        {
            _readEpcs[n++] = 0x88;
        }

        if (_status != null && !_abnormalUnsupported && HasAbnormalValue)
        {
            _readEpcs[n++] = 0xE3;
        }

        return n;
    }

    /// <summary>
    /// The water flow meter has 0xE3 "detection of abnormal value" (Machine Readable Appendix: announced at status change);
    /// the gas meter 0x0282 defines only 0xE0 and 0xE2 there, and the smart meter's 0xE3 is its reverse register.
    /// </summary>
    private bool HasAbnormalValue => MeterClass == EchonetClass.WaterFlowMeter;

    private bool IsStatus(int epc) => epc == 0x88 || (epc == 0xE3 && HasAbnormalValue);

    /// <summary>Delivers status property <paramref name="i"/>; PDC 0 in a response (Get_SNA) means the meter has none.</summary>
    private void TakeStatus(EchonetFrame f, int i, long at, bool response)
    {
        var epc = f.Epc(i);
        if (f.Pdc(i) == 0)
        {
            if (response && epc == 0x88)
            {
                _faultUnsupported = true;
            }
            else if (response)
            {
                _abnormalUnsupported = true;
            }

            return;
        }

        if (!EchonetPropertyDecoder.Decode(f, i, Scale, _value) || _value.Kind != EchonetValueKind.Flag)
        {
            _status!.OnStatusError(MeterEoj, epc, _value.ErrorText ?? "not a status value");
            return;
        }

        _status!.OnStatus(MeterEoj, epc, _value.Flag, at);
    }

    private bool Deliver(int epc, long at)
    {
        if (_value.Status != EchonetValueStatus.Valid || !_value.Scaled)
        {
            return false;
        }

        _sink.OnReading(MeterEoj, epc, at, _value.Mantissa, _value.Exponent, _value.Unit!);
        return true;
    }
}
