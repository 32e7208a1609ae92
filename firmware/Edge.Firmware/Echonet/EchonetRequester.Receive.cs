namespace Edge.Firmware.Echonet;

/// <summary>The receive side: waiting for the matching response, notifications, INFC_Res.</summary>
public sealed partial class EchonetRequester
{
    private int Exchange(int deoj, int okEsv, int snaEsv)
    {
        var length = _writer.Finish();
        if (length < 0)
        {
            LastOutcome = EchonetOutcome.RequestTooLong;
            return LastOutcome;
        }

        for (var attempt = 0; attempt <= Retries; attempt++)
        {
            Sent++;
            if (!_transport.Send(_tx, 0, length))
            {
                LastOutcome = EchonetOutcome.SendFailed;
                return LastOutcome;
            }

            var deadline = _clock.UptimeMs + TimeoutMs;
            while (true)
            {
                var remaining = deadline - _clock.UptimeMs;
                if (remaining <= 0)
                {
                    break;
                }

                var n = _transport.Receive(_rx, 0, _rx.Length, (int)remaining);
                if (n == 0)
                {
                    break;
                }

                if (n < 0 || !Response.TryDecode(_rx, 0, n) || Response.Ehd2 != EchonetFrame.Ehd2Specified)
                {
                    Dropped++;
                    continue;
                }

                if (Response.Tid == _tid && Matches(Response.Seoj, deoj) && (Response.Esv == okEsv || Response.Esv == snaEsv))
                {
                    LastOutcome = Response.Esv == okEsv ? EchonetOutcome.Ok : EchonetOutcome.NotAvailable;
                    return LastOutcome;
                }

                if (Response.Esv == EchonetEsv.Inf || Response.Esv == EchonetEsv.Infc)
                {
                    Notify(Response);
                }
                else
                {
                    Dropped++;
                }
            }
        }

        LastOutcome = EchonetOutcome.Timeout;
        return LastOutcome;
    }

    /// <summary>
    /// Waits up to <paramref name="timeoutMs"/> for frames while no request is open (the idle part of the
    /// scheduler's cycle), handing notifications to the handler; returns how many there were.
    /// </summary>
    public int Listen(int timeoutMs)
    {
        var handled = 0;
        var deadline = _clock.UptimeMs + timeoutMs;
        while (true)
        {
            var remaining = deadline - _clock.UptimeMs;
            if (remaining <= 0)
            {
                return handled;
            }

            var n = _transport.Receive(_rx, 0, _rx.Length, (int)remaining);
            if (n == 0)
            {
                return handled;
            }

            if (n > 0 && Response.TryDecode(_rx, 0, n) && Response.Ehd2 == EchonetFrame.Ehd2Specified && Notify(Response))
            {
                handled++;
            }
            else
            {
                Dropped++;
            }
        }
    }

    /// <summary>
    /// Handles a notification received outside an exchange (the caller's own receive loop): INFC is answered
    /// with INFC_Res. Returns false for frames that are not INF/INFC.
    /// </summary>
    public bool Notify(EchonetFrame frame)
    {
        if (frame.Esv != EchonetEsv.Inf && frame.Esv != EchonetEsv.Infc)
        {
            return false;
        }

        if (frame.Esv == EchonetEsv.Infc)
        {
            // INFC_Res echoes the TID and the EPCs with PDC 0, from the addressed object (Part 2, chapter 4).
            _writer.Begin(_ack, 0, frame.Tid, frame.Deoj, frame.Seoj, EchonetEsv.InfcRes);
            for (var i = 0; i < frame.PropertyCount; i++)
            {
                _writer.Add(frame.Epc(i));
            }

            var n = _writer.Finish();
            if (n > 0)
            {
                _transport.Send(_ack, 0, n);
            }
        }

        _handler?.OnNotification(frame);
        return true;
    }

    /// <summary>A response from instance 0 of a class answers for any instance, and vice versa (Part 2, chapter 3: instance code 0x00 means all instances).</summary>
    private static bool Matches(int seoj, int deoj) =>
        seoj == deoj || ((seoj >> 8) == (deoj >> 8) && ((seoj & 0xFF) == 0 || (deoj & 0xFF) == 0));
}
