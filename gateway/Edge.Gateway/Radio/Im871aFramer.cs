namespace Edge.Gateway.Radio;

/// <summary>
/// The IMST iM871A HCI stream (IMST "WMBus HCI" specification; see hw-sim's Im871aHci for the layout): finds SOF
/// 0xA5, checks endpoint and message id, waits for the whole frame with its optional timestamp, RSSI and CRC16
/// (CRC-16/X-25 over control byte .. RSSI), and hands on RADIOLINK_MSG_WMBUSMSG_IND payloads with the L field put
/// back in front. Anything else (noise, a bad CRC, other messages) is skipped; a bad start byte costs one byte, so
/// the reader resynchronises on the next SOF.
/// </summary>
internal sealed class Im871aFramer : IWMBusFramer
{
    private const byte Sof = 0xA5;
    private const int RadioLink = 0x02;
    private const int WMBusMessageIndication = 0x03;

    private readonly byte[] _buffer = new byte[4096];
    private int _count;
    private long _skipped;

    public void Append(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > _buffer.Length - _count)
        {
            // Cannot happen with whole frames (at most 266 bytes); drop the oldest to stay bounded.
            Skip(Math.Min(_count, bytes.Length));
        }

        bytes[..Math.Min(bytes.Length, _buffer.Length - _count)].CopyTo(_buffer.AsSpan(_count));
        _count += Math.Min(bytes.Length, _buffer.Length - _count);
    }

    public bool TryTake(out byte[]? telegram, out string? error)
    {
        telegram = null;
        error = null;
        while (_count > 0)
        {
            if (_buffer[0] != Sof)
            {
                var next = Array.IndexOf(_buffer, Sof, 1, _count - 1);
                Skip(next < 0 ? _count : next);
                continue;
            }

            if (_count < 4)
            {
                return false;
            }

            var control = _buffer[1] >> 4;
            var endpoint = _buffer[1] & 0x0F;
            var messageId = _buffer[2];
            if (!KnownMessage(endpoint, messageId))
            {
                Skip(1);
                continue;
            }

            var payload = _buffer[3];
            var length = 4 + payload + ((control & 0x2) != 0 ? 4 : 0) + ((control & 0x4) != 0 ? 1 : 0) + ((control & 0x8) != 0 ? 2 : 0);
            if (_count < length)
            {
                return false;
            }

            if ((control & 0x8) != 0)
            {
                var crc = _buffer[length - 2] | (_buffer[length - 1] << 8);
                if (Crc16(_buffer.AsSpan(1, length - 3)) != crc)
                {
                    Skip(1);
                    error = "HCI frame CRC mismatch: skipped to the next start of frame";
                    return true;
                }
            }

            if (endpoint == RadioLink && messageId == WMBusMessageIndication && payload > 0)
            {
                telegram = new byte[payload + 1];
                telegram[0] = (byte)payload; // the stick drops the L field: the HCI length is the same number
                _buffer.AsSpan(4, payload).CopyTo(telegram.AsSpan(1));
            }

            Consume(length);
            if (telegram is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Message ids the HCI defines per endpoint (device management 0x01-0x27, radio link 0x01-0x05, radio link test
    /// 0x01-0x07, hardware test 0x01-0x02): checking them keeps a stray 0xA5 in noise from posing as a frame header.
    /// </summary>
    private static bool KnownMessage(int endpoint, int messageId) => endpoint switch
    {
        1 => messageId is >= 0x01 and <= 0x27,
        2 => messageId is >= 0x01 and <= 0x05,
        3 => messageId is >= 0x01 and <= 0x07,
        4 => messageId is >= 0x01 and <= 0x02,
        _ => false,
    };

    public long TakeSkippedBytes()
    {
        var skipped = _skipped;
        _skipped = 0;
        return skipped;
    }

    /// <summary>CRC-16/X-25: reflected polynomial 0x8408, initial 0xFFFF, complemented.</summary>
    internal static int Crc16(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFF;
        foreach (var b in data)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x8408 : crc >> 1;
            }
        }

        return ~crc & 0xFFFF;
    }

    private void Skip(int count)
    {
        _skipped += count;
        Consume(count);
    }

    private void Consume(int count)
    {
        Buffer.BlockCopy(_buffer, count, _buffer, 0, _count - count);
        _count -= count;
    }
}
