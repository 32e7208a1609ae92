using System.Globalization;

namespace Edge.HwSim.Iridium;

/// <summary>SBD sessions (+SBDIX/+SBDIXA, ISU AT Command Reference §10.14).</summary>
public sealed partial class Virtual9603
{
    // Without network service the modem gives up quickly instead of running a whole session.
    private static readonly TimeSpan NoServiceLatency = TimeSpan.FromSeconds(1);

    private readonly Queue<int> _forcedFailures = new();

    /// <summary>
    /// Runs one session on the modem's thread: waits its latency in simulated time, then either fails with an MO
    /// status (32 without signal; an injected code at <see cref="Virtual9603Options.FailureRate"/>, doubled at 1 bar)
    /// or succeeds: the MO buffer (if any) goes to <see cref="MoReceived"/> with the current MOMSN, the MOMSN
    /// increments, and the oldest queued MT message moves into the MT buffer (which every session first clears).
    /// The MO buffer is kept (only +SBDWB and +SBDD change it).
    /// </summary>
    private void RunSession(bool answerRing)
    {
        int bars;
        TimeSpan latency;
        int failure;
        lock (_lock)
        {
            Sessions++;
            bars = CurrentBars();
            var spread = (_options.SessionLatencyMax - _options.SessionLatencyMin).Ticks;
            latency = bars == 0 ? NoServiceLatency : _options.SessionLatencyMin + TimeSpan.FromTicks((long)(_random.NextDouble() * Math.Max(0, spread)));
            var rate = bars == 1 ? _options.FailureRate * 2 : _options.FailureRate;
            failure = bars == 0 ? 32
                : _forcedFailures.TryDequeue(out var forced) ? forced
                : _options.FailureCodes.Count > 0 && _random.NextDouble() < rate ? _options.FailureCodes[_random.Next(_options.FailureCodes.Count)]
                : 0;
        }

        Task.Delay(latency, _time).Wait();

        SbdMoMessage? delivered = null;
        lock (_lock)
        {
            _mtBuffer = null;
            _statuses.Add(failure);
            if (failure != 0)
            {
                FailedSessions++;
                Info(SessionLine(failure, _momsn, 2, 0, 0, _mtQueue.Count));
                Ok();
                if (_ringAlerts && _mtQueue.Count > 0 && answerRing)
                {
                    // The Iridium gateway keeps alerting while an MT message waits.
                    SendLocked("SBDRING\r\n");
                }

                return;
            }

            var momsn = _momsn;
            if (_moBuffer is not null)
            {
                delivered = new SbdMoMessage(_options.Imei, momsn, [.. _moBuffer]);
                MoDelivered++;
                MoBytes += _moBuffer.Length;
            }

            _momsn = (_momsn + 1) & 0xFFFF;
            if (_mtQueue.TryDequeue(out var mt))
            {
                _mtBuffer = mt;
                MtBytes += mt.Length;
                _mtmsn = (_mtmsn + 1) & 0xFFFF;
                Info(SessionLine(0, momsn, 1, _mtmsn, mt.Length, _mtQueue.Count));
            }
            else
            {
                Info(SessionLine(0, momsn, 0, 0, 0, 0));
            }

            Ok();
        }

        if (delivered is not null)
        {
            MoReceived?.Invoke(this, delivered);
        }
    }

    /// <summary>Makes the next <paramref name="sessions"/> sessions (with signal) fail with <paramref name="moStatus"/>, before any random failure.</summary>
    public void FailNextSessions(int sessions, int moStatus)
    {
        lock (_lock)
        {
            for (var i = 0; i < sessions; i++)
            {
                _forcedFailures.Enqueue(moStatus);
            }
        }
    }

    private static string SessionLine(int mo, int momsn, int mt, int mtmsn, int mtLength, int queued) =>
        string.Create(CultureInfo.InvariantCulture, $"+SBDIX: {mo}, {momsn}, {mt}, {mtmsn}, {mtLength}, {queued}");
}
