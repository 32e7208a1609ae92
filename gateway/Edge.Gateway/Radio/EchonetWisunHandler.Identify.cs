using System.Globalization;
using Edge.Firmware.Echonet;

namespace Edge.Gateway.Radio;

/// <summary>Finding the meter object of the node and its identity.</summary>
internal sealed partial class EchonetWisunHandler
{
    /// <summary>The meter object and its identity; false (tried again after the retry delay) while the meter does not say.</summary>
    private bool Identify(string input, WisunMeterLink meter)
    {
        if (_meterEoj == 0)
        {
            var outcome = _discovery.Get(EchonetClass.NodeProfileEoj, 0xD6);
            if (outcome == EchonetOutcome.Ok)
            {
                _meterEoj = MeterIn(_discovery.Response);
            }

            if (_meterEoj == 0)
            {
                LogNoMeter(_logger, input, EchonetOutcome.Name(outcome));
                return false;
            }
        }

        var id = _discovery.Get(_meterEoj, 0x83);
        if (id != EchonetOutcome.Ok && id != EchonetOutcome.NotAvailable)
        {
            LogNoIdentity(_logger, input, _meterEoj, EchonetOutcome.Name(id));
            return false;
        }

        var f = _discovery.Response;
        var i = id == EchonetOutcome.Ok ? f.Find(0x83) : -1;
        Device = i >= 0 && f.Pdc(i) == 17 && f.Buffer[f.EdtOffset(i)] == 0xFE
            ? "echonet-" + Convert.ToHexString(f.Buffer, f.EdtOffset(i), 17)
            : "wisun-" + meter.MeterMac.ToString("X16", CultureInfo.InvariantCulture);
        _poller = new EchonetMeterPoller(_link, _clock, _meterEoj, this)
        {
            IntervalMs = (int)Math.Ceiling(_pollInterval.TotalMilliseconds),
            RetryMs = (int)Math.Ceiling(Math.Min(_pollInterval.TotalMilliseconds, _options.RetryDelay.TotalMilliseconds)),
            MaxHistoryDays = _options.HistoryDays,
        };
        _poller.Requester.TimeoutMs = AnswerTimeoutMs;
        _poller.Requester.Retries = 1;
        LogIdentified(_logger, input, _meterEoj, Device);
        return true;
    }

    /// <summary>The first meter (0x0281, 0x0282, 0x0288) in a node profile's instance list, or 0.</summary>
    private int MeterIn(EchonetFrame frame)
    {
        for (var i = 0; i < frame.PropertyCount; i++)
        {
            var epc = frame.Epc(i);
            if ((epc != 0xD5 && epc != 0xD6) || !EchonetPropertyDecoder.Decode(frame, i, new EchonetMeterScale(), _value))
            {
                continue;
            }

            for (var k = 0; k < _value.ObjectCount; k++)
            {
                var c = _value.Objects[k] >> 8;
                if (c is EchonetClass.LowVoltageSmartMeter or EchonetClass.WaterFlowMeter or EchonetClass.GasMeter)
                {
                    return _value.Objects[k];
                }
            }
        }

        return 0;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Input}: ECHONET Lite meter object {Eoj:X6} is {Device}")]
    private static partial void LogIdentified(ILogger logger, string input, int eoj, string device);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Input}: the node names no meter object (instance list: {Outcome}); asking again after Wisun:RetryDelay")]
    private static partial void LogNoMeter(ILogger logger, string input, string outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Input}: meter object {Eoj:X6} did not answer for its identification number 0x83 ({Outcome}); asking again after Wisun:RetryDelay")]
    private static partial void LogNoIdentity(ILogger logger, string input, int eoj, string outcome);
}
