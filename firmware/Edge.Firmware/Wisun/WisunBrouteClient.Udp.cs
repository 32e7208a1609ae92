namespace Edge.Firmware.Wisun;

/// <summary>UDP to and from the meter's ECHONET Lite port once joined.</summary>
public sealed partial class WisunBrouteClient
{
    /// <summary>
    /// Sends <paramref name="count"/> bytes to the meter's port 3610 over the PANA-secured session:
    /// <c>SKSENDTO 1 ADDR 0E1A 1 [SIDE] LLLL</c> followed by the raw bytes (no CR LF: the module counts DATALEN),
    /// then waits for OK and EVENT 21. After <see cref="WisunBrouteConfig.MaxSendFailures"/> failures in a row the
    /// session counts as lost.
    /// </summary>
    public int Send(byte[] data, int offset, int count)
    {
        if (!IsJoined)
        {
            return Fail(State == WisunState.Lost ? WisunError.SessionLost : WisunError.NotJoined);
        }

        if (data == null || count <= 0 || count > SkStackLine.MaxData || offset < 0 || offset + count > data.Length)
        {
            return Fail(WisunError.BadPayload);
        }

        if (_sendLimited)
        {
            return Fail(WisunError.SendLimited);
        }

        // Handle 1 is UDP port 3610 from power-on (SKUDPPORT); security 1 = encrypt with the PANA key.
        _command.Start("SKSENDTO 1 ").Bytes(_meterAddress, 0, _meterAddressLength).Text(" 0E1A 1 ");
        if (_config.Generation == WisunModuleGeneration.Bp35C0)
        {
            _command.Text("0 ");
        }

        _command.Hex(count, 4).Space().Bytes(data, offset, count);
        if (!Write())
        {
            return Fail(WisunError.LinkError);
        }

        return Fail(AwaitSent());
    }

    private int AwaitSent()
    {
        var deadline = _clock.UptimeMs + _config.SendTimeoutMs;
        var ok = false;
        var result = -1;
        while (true)
        {
            var r = Pump(deadline);
            if (State == WisunState.Lost)
            {
                return WisunError.SessionLost;
            }

            if (r == SkStackLineReader.LinkError)
            {
                return WisunError.LinkError;
            }

            if (r == SkStackLineReader.Timeout)
            {
                // OK came and address resolution (02) was the last word: the datagram left; the answer will tell.
                return ok && result == SkStackEvent.SendResolving ? SendSucceeded() : SendFailure(WisunError.ModuleTimeout);
            }

            if (r != SkStackLineReader.LineReady)
            {
                continue;
            }

            if (_line.Kind == SkStackLineKind.Fail)
            {
                LastFailCode = _line.FailCode;
                return SendFailure(WisunError.CommandFailed);
            }

            if (_line.Kind == SkStackLineKind.Ok)
            {
                ok = true;
            }
            else if (_line.Kind == SkStackLineKind.Event && _line.EventNumber == SkStackEvent.UdpSendDone)
            {
                result = _line.EventParam;
            }
            else if (_line.Kind == SkStackLineKind.Event && _line.EventNumber == SkStackEvent.SendLimitReached)
            {
                return WisunError.SendLimited;
            }

            if (ok && result == SkStackEvent.SendOk)
            {
                return SendSucceeded();
            }

            if (ok && result >= 0 && result != SkStackEvent.SendResolving)
            {
                return SendFailure(WisunError.SendFailed);
            }
        }
    }

    private int SendSucceeded()
    {
        _failedSendsInRow = 0;
        return WisunError.Ok;
    }

    private int SendFailure(int error)
    {
        SendFailures++;
        _failedSendsInRow++;
        if (_failedSendsInRow >= _config.MaxSendFailures)
        {
            MarkLost();
            return WisunError.SessionLost;
        }

        return error;
    }

    /// <summary>
    /// Waits up to <paramref name="timeoutMs"/> for the next datagram from the meter (answers and INF alike, oldest
    /// first) into <see cref="Received"/>. Events that arrive meanwhile update <see cref="State"/>.
    /// </summary>
    public int Receive(int timeoutMs)
    {
        var deadline = _clock.UptimeMs + (timeoutMs < 0 ? 0 : timeoutMs);
        while (true)
        {
            if (TakeQueued())
            {
                // Any datagram shows the meter is there.
                _unansweredInRow = 0;
                return Fail(WisunError.Ok);
            }

            if (State == WisunState.Lost)
            {
                return Fail(WisunError.SessionLost);
            }

            if (!IsJoined)
            {
                return Fail(WisunError.NotJoined);
            }

            var r = Pump(deadline);
            if (r == SkStackLineReader.Timeout)
            {
                return Fail(WisunError.NoAnswer);
            }

            if (r == SkStackLineReader.LinkError)
            {
                return Fail(WisunError.LinkError);
            }
        }
    }

    /// <summary>
    /// Sends a request and waits for the next datagram from the meter (matching it to the request, e.g. by ECHONET
    /// Lite TID, is the caller's part). <see cref="WisunBrouteConfig.MaxUnanswered"/> requests in a row without any
    /// datagram mark the session lost.
    /// </summary>
    public int Request(byte[] data, int offset, int count, int timeoutMs)
    {
        var e = Send(data, offset, count);
        if (e != WisunError.Ok)
        {
            return e;
        }

        e = Receive(timeoutMs);
        return e == WisunError.NoAnswer ? NoteUnanswered() : e;
    }

    /// <summary>
    /// For a caller that sends with <see cref="Send"/> and waits with <see cref="Receive"/> itself (an ECHONET Lite
    /// requester matching TIDs): its request got no answer in time. <see cref="WisunBrouteConfig.MaxUnanswered"/> in a
    /// row without any datagram mark the session lost (returns <see cref="WisunError.SessionLost"/>, else NoAnswer).
    /// </summary>
    public int NoteUnanswered()
    {
        Unanswered++;
        _unansweredInRow++;
        if (IsJoined && _unansweredInRow >= _config.MaxUnanswered)
        {
            MarkLost();
            return Fail(WisunError.SessionLost);
        }

        return Fail(WisunError.NoAnswer);
    }

    /// <summary>Ends the session politely (SKTERM, then EVENT 27 or 28); the client is Idle after.</summary>
    public int Close()
    {
        if (!IsJoined)
        {
            State = WisunState.Idle;
            return Fail(WisunError.Ok);
        }

        var e = Simple(_command.Start("SKTERM").End());
        State = WisunState.Idle;
        if (e == WisunError.Ok)
        {
            var deadline = _clock.UptimeMs + _config.JoinTimeoutMs;
            while (true)
            {
                var r = Pump(deadline);
                if (r != SkStackLineReader.LineReady && r != SkStackLineReader.Overflow)
                {
                    break;
                }

                if (_line.Kind == SkStackLineKind.Event
                    && (_line.EventNumber == SkStackEvent.SessionTerminated || _line.EventNumber == SkStackEvent.SessionTerminationTimeout))
                {
                    break;
                }
            }
        }

        _slotCount = 0;
        return Fail(e);
    }
}
