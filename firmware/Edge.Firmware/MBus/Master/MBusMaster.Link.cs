namespace Edge.Firmware.MBus.Master;

/// <summary>The request/answer exchange with repetitions, and the reception of one answer (EN 13757-2 §5).</summary>
public sealed partial class MBusMaster
{
    /// <summary>
    /// Sends <c>_tx[0..length)</c> and receives the answer, repeating up to <see cref="Retries"/> times on no answer or a
    /// garbled one. <paramref name="wantLong"/>: a long frame from <paramref name="address"/> is expected, else 0xE5.
    /// </summary>
    private int Exchange(int length, bool wantLong, int address)
    {
        var result = MBusMasterResult.NoAnswer;
        LastAttempts = 0;
        for (var attempt = 0; attempt <= Retries; attempt++)
        {
            LastAttempts = attempt + 1;
            _link.DiscardInput();
            _link.Write(_tx, 0, length);
            result = Receive(wantLong, address);
            if (result == MBusMasterResult.Ok || result == MBusMasterResult.Collision)
            {
                return result;
            }
        }

        return result;
    }

    /// <summary>Receives one answer into <c>_rx</c>; see <see cref="Exchange"/>.</summary>
    private int Receive(bool wantLong, int address)
    {
        _rxLength = 0;
        if (_link.Read(_rx, 0, 1, ResponseTimeoutMs) == 0)
        {
            return MBusMasterResult.NoAnswer;
        }

        _rxLength = 1;
        var start = _rx[0];
        if (start == MBusWiredFrame.Ack)
        {
            // A second slave answering too shows up as more bytes within the quiet time.
            ReadUntilQuiet();
            if (_rxLength > 1)
            {
                return MBusMasterResult.Collision;
            }

            return wantLong ? MBusMasterResult.Garbled : MBusMasterResult.Ok;
        }

        if (start == MBusWiredFrame.LongStart)
        {
            if (!ReadExactly(3) || _rx[1] != _rx[2] || _rx[3] != MBusWiredFrame.LongStart || !ReadExactly(_rx[1] + 2))
            {
                ReadUntilQuiet();
                return wantLong ? MBusMasterResult.Garbled : MBusMasterResult.Collision;
            }
        }
        else
        {
            ReadUntilQuiet();
            return wantLong ? MBusMasterResult.Garbled : MBusMasterResult.Collision;
        }

        if (!_frame.TryParse(_rx, 0, _rxLength) || _frame.Kind != MBusFrameKind.Long)
        {
            return wantLong ? MBusMasterResult.Garbled : MBusMasterResult.Collision;
        }

        if (!wantLong)
        {
            return MBusMasterResult.Collision;
        }

        // RSP_UD (EN 13757-2 §5.5.1); at 0xFD the selected slave answers with its own primary address.
        var fromAddress = address == MBusControl.SelectedAddress || _frame.A == address;
        return (_frame.C & MBusControl.RspUdMask) == MBusControl.RspUd && fromAddress ? MBusMasterResult.Ok : MBusMasterResult.Garbled;
    }

    /// <summary>Reads exactly <paramref name="count"/> more bytes, each within <see cref="InterByteTimeoutMs"/>.</summary>
    private bool ReadExactly(int count)
    {
        var end = _rxLength + count;
        if (end > _rx.Length)
        {
            return false;
        }

        while (_rxLength < end)
        {
            var n = _link.Read(_rx, _rxLength, end - _rxLength, InterByteTimeoutMs);
            if (n == 0)
            {
                return false;
            }

            _rxLength += n;
        }

        return true;
    }

    /// <summary>Reads whatever else arrives until the line is quiet for <see cref="InterByteTimeoutMs"/> (bounded by the buffer).</summary>
    private void ReadUntilQuiet()
    {
        while (true)
        {
            var room = _rx.Length - _rxLength;
            if (room == 0)
            {
                // Keep the count honest for the caller, drop the rest.
                if (_link.Read(_rx, 0, 1, InterByteTimeoutMs) == 0)
                {
                    return;
                }

                continue;
            }

            var n = _link.Read(_rx, _rxLength, room, InterByteTimeoutMs);
            if (n == 0)
            {
                return;
            }

            _rxLength += n;
        }
    }
}
