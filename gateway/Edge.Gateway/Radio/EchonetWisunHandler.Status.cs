using Edge.Firmware.Echonet;

namespace Edge.Gateway.Radio;

/// <summary>
/// A meter's fault status 0x88 and abnormal value 0xE3 (read with every cumulative read and announced by INF) become
/// events: a change marks the next cumulative value with a flag (<see cref="MeterAlarmFlags"/>) that the store's
/// classifier turns into an alarm (fault, abnormal value) or a status event (back to normal). The first read after the
/// gateway starts states the status either way (a fault as an alarm, normal as a "cleared" status event), since a fault
/// may have cleared while it was down. An unchanged state makes no event, except one reminder per
/// <see cref="WisunBrouteOptions.StatusReminder"/> while an alarm lasts. A state
/// announced between reads has the next read made at once, so the event is stored within a poll step.
/// </summary>
internal sealed partial class EchonetWisunHandler : IEchonetStatusSink
{
    // Per status (0: fault 0x88, 1: abnormal value 0xE3): -1 not read yet, 0 normal, 1 active; when its alarm was last flagged.
    private readonly int[] _statusState = [-1, -1];
    private readonly long[] _statusAlarmMs = [0, 0];
    private int _pendingFlags;
    private bool _inTick;
    private bool _statusDuringTick;

    /// <summary>From the poller: a status property read or announced.</summary>
    public void OnStatus(int eoj, int epc, bool active, long observedUnixMs)
    {
        var k = epc == 0x88 ? 0 : 1;
        var flag = 0;
        lock (_lock)
        {
            var before = _statusState[k];
            _statusState[k] = active ? 1 : 0;
            var reminderMs = (long)_options.StatusReminder.TotalMilliseconds;
            if (active && (before != 1 || (reminderMs > 0 && observedUnixMs - _statusAlarmMs[k] >= reminderMs)))
            {
                flag = k == 0 ? MeterAlarmFlags.MeterFault : MeterAlarmFlags.AbnormalValue;
                _statusAlarmMs[k] = observedUnixMs;
            }
            else if (!active && before != 0)
            {
                // Back to normal, or normal at the first read since the gateway started: the cloud may still hold an alarm
                // from before a restart, and only a cleared flag ends it.
                flag = k == 0 ? MeterAlarmFlags.MeterFaultCleared : MeterAlarmFlags.AbnormalValueCleared;
            }

            _pendingFlags |= flag;
        }

        if (flag == 0)
        {
            return;
        }

        LogStatusChange(_logger, Device ?? "?", eoj, epc, active ? "active" : "normal");
        if (_inTick)
        {
            _statusDuringTick = true;
        }
        else
        {
            _poller?.DueNow();
        }
    }

    /// <summary>From the poller: a status property whose EDT does not fit its definition; nothing is stored.</summary>
    public void OnStatusError(int eoj, int epc, string reason) => LogBadStatus(_logger, Device ?? "?", eoj, epc, reason);

    /// <summary>One poll step; a status announced during it (while the history was read) has the cumulative read made at once.</summary>
    private void TickPoller()
    {
        _inTick = true;
        _statusDuringTick = false;
        try
        {
            _poller!.Tick();
        }
        finally
        {
            _inTick = false;
        }

        bool waiting;
        lock (_lock)
        {
            waiting = _pendingFlags != 0;
        }

        if (_statusDuringTick && waiting)
        {
            _poller.DueNow();
        }
    }

    /// <summary>The flags waiting for the next cumulative value (and clears them).</summary>
    private int TakeStatusFlags()
    {
        var flags = _pendingFlags;
        _pendingFlags = 0;
        return flags;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Device}: ECHONET Lite object {Eoj:X6} status {Epc:X2} is {State}; stored with the next cumulative value")]
    private static partial void LogStatusChange(ILogger logger, string device, int eoj, int epc, string state);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Device}: ECHONET Lite object {Eoj:X6} status {Epc:X2} refused, nothing stored: {Reason}")]
    private static partial void LogBadStatus(ILogger logger, string device, int eoj, int epc, string reason);
}
