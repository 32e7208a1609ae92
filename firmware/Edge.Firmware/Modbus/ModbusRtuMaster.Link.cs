namespace Edge.Firmware.Modbus;

/// <summary>The request/reply exchange with repetitions and the RTU framing of a reply (Serial Line V1.02 §2.4, §2.5.1.1).</summary>
public sealed partial class ModbusRtuMaster
{
    // A line that never falls silent (a slave stuck transmitting) must not hold the master for ever.
    private const int MaxNoiseBeforeSending = 1024;

    /// <summary>
    /// Sends <c>_tx[0.._txLength)</c> with its CRC and receives the reply into <c>_rx</c>, repeating up to
    /// <see cref="Retries"/> times after a transient failure (<see cref="ModbusResult.IsTransient"/>).
    /// </summary>
    private int Exchange(int slave, int function, int address)
    {
        _txLength = ModbusCrc.Append(_tx, _txLength);
        LastExceptionCode = 0;
        var result = ModbusResult.NoAnswer;
        LastAttempts = 0;
        for (var attempt = 0; attempt <= Retries; attempt++)
        {
            LastAttempts = attempt + 1;
            WaitForSilence();
            _link.DiscardInput();
            _link.Write(_tx, 0, _txLength);
            if (slave == 0)
            {
                // §2.4.1: a broadcast gets no reply; the slaves need the turnaround delay to act on it.
                _link.Read(_rx, 0, 1, TurnaroundDelayMs);
                _lineQuiet = false;
                LastError = null;
                return ModbusResult.Ok;
            }

            result = Receive(function);
            if (result == ModbusResult.Ok)
            {
                int code;
                result = ModbusReply.Check(_tx, _rx, _rxLength, out code);
                LastExceptionCode = code;
            }

            if (!ModbusResult.IsTransient(result))
            {
                break;
            }
        }

        return Finish(result, slave, function, address);
    }

    /// <summary>
    /// Reads one reply: the first byte within <see cref="ResponseTimeoutMs"/>, the rest each within
    /// <see cref="InterCharacterTimeoutMs"/>, as long as the frame's own fields say (§6); then the line must stay quiet for t3.5.
    /// Returns Ok when a frame of the expected length arrived (its content is checked by <see cref="ModbusReply.Check"/>).
    /// </summary>
    private int Receive(int function)
    {
        _rxLength = 0;
        if (_link.Read(_rx, 0, 1, ResponseTimeoutMs) == 0)
        {
            // The whole timeout passed without a byte: the line is quiet.
            _lineQuiet = true;
            return ModbusResult.NoAnswer;
        }

        _rxLength = 1;
        var expected = 0;
        while (expected == 0 || _rxLength < expected)
        {
            expected = ModbusReply.ExpectedLength(function, _rx, _rxLength);
            if (expected < 0)
            {
                // Not a reply to this request: take the rest as one frame, ended by silence.
                DrainUntilQuiet(true);
                return ModbusResult.Ok;
            }

            var want = expected == 0 ? 1 : expected - _rxLength;
            if (want <= 0)
            {
                break;
            }

            var n = _link.Read(_rx, _rxLength, want, InterCharacterTimeoutMs);
            if (n == 0)
            {
                // §2.5.1.1: a gap longer than t1.5 inside the frame: incomplete, discarded. The slave may still be
                // sending the rest: keep t3.5 of silence before the next request.
                _lineQuiet = false;
                return ModbusResult.Framing;
            }

            _rxLength += n;
        }

        // §2.5.1.1: the frame ends with t3.5 of silence; bytes before that make it a longer (damaged) frame.
        return DrainUntilQuiet(false) == 0 ? ModbusResult.Ok : ModbusResult.Framing;
    }

    /// <summary>Reads until the line is silent for t3.5; returns the bytes read (kept in <c>_rx</c> while <paramref name="keep"/> and room remain).</summary>
    private int DrainUntilQuiet(bool keep)
    {
        var total = 0;
        while (total < MaxNoiseBeforeSending)
        {
            var room = _rx.Length - _rxLength;
            int n;
            if (keep && room > 0)
            {
                n = _link.Read(_rx, _rxLength, room, InterFrameMs);
                _rxLength += n;
            }
            else
            {
                n = _link.Read(_rx, _rx.Length - 1, 1, InterFrameMs);
                NoiseBytes += n;
            }

            if (n == 0)
            {
                _lineQuiet = true;
                return total;
            }

            total += n;
        }

        _lineQuiet = false;
        return total;
    }

    /// <summary>§2.5.1.1: keeps t3.5 of silence before a request unless the line is known to be quiet already.</summary>
    private void WaitForSilence()
    {
        if (_lineQuiet)
        {
            return;
        }

        DrainUntilQuiet(false);
    }

    private int Finish(int result, int slave, int function, int address)
    {
        if (result == ModbusResult.Ok)
        {
            LastError = null;
            return result;
        }

        var what = "function " + function.ToString() + " to slave " + slave.ToString() + " at register " + address.ToString() + ": ";
        if (result == ModbusResult.SlaveException)
        {
            LastError = what + ModbusExceptionCode.Name(LastExceptionCode);
        }
        else
        {
            LastError = what + ModbusResult.Name(result) + " after " + LastAttempts.ToString() + " attempts (response timeout "
                + ResponseTimeoutMs.ToString() + " ms)";
        }

        return result;
    }
}
