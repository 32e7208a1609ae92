namespace Edge.HwSim.Radio;

/// <summary>
/// The IMST iM871A host controller interface as it leaves the stick (IMST "WMBus HCI" specification):
/// SOF 0xA5, control nibble (bit 1 timestamp, bit 2 RSSI, bit 3 CRC16 appended) and endpoint nibble, message id,
/// payload length, payload, then the optional 32-bit timestamp, RSSI byte and CRC16. The CRC is CRC-16/CCITT
/// (reflected polynomial 0x8408, initial 0xFFFF, complemented: "X-25") over control byte through RSSI, sent
/// least significant byte first. A received wM-Bus telegram is RADIOLINK_MSG_WMBUSMSG_IND: its payload is the
/// telegram from the C field on (the stick drops the L field: the HCI length replaces it).
/// </summary>
public static class Im871aHci
{
    /// <summary>Start of frame.</summary>
    public const byte StartOfFrame = 0xA5;

    /// <summary>Device management endpoint.</summary>
    public const byte DeviceManagement = 0x01;

    /// <summary>Radio link endpoint.</summary>
    public const byte RadioLink = 0x02;

    /// <summary>DEVMGMT_MSG_PING_REQ.</summary>
    public const byte PingRequest = 0x01;

    /// <summary>DEVMGMT_MSG_PING_RSP.</summary>
    public const byte PingResponse = 0x02;

    /// <summary>RADIOLINK_MSG_WMBUSMSG_IND: a telegram was received.</summary>
    public const byte WMBusMessageIndication = 0x03;

    /// <summary>Control bit: 4-byte timestamp appended.</summary>
    public const byte HasTimestamp = 0x2;

    /// <summary>Control bit: RSSI byte appended.</summary>
    public const byte HasRssi = 0x4;

    /// <summary>Control bit: CRC16 appended.</summary>
    public const byte HasCrc = 0x8;

    /// <summary>Builds a frame; <paramref name="timestamp"/>/<paramref name="rssi"/> null leave those fields out.</summary>
    public static byte[] Frame(byte endpoint, byte messageId, ReadOnlySpan<byte> payload, uint? timestamp, byte? rssi, bool crc)
    {
        if (payload.Length > 255)
        {
            throw new ArgumentException("an HCI payload is at most 255 bytes", nameof(payload));
        }

        var control = (timestamp is null ? 0 : HasTimestamp) | (rssi is null ? 0 : HasRssi) | (crc ? HasCrc : 0);
        var frame = new List<byte>(payload.Length + 11) { StartOfFrame, (byte)((control << 4) | endpoint), messageId, (byte)payload.Length };
        frame.AddRange(payload);
        if (timestamp is { } ts)
        {
            frame.AddRange([(byte)ts, (byte)(ts >> 8), (byte)(ts >> 16), (byte)(ts >> 24)]);
        }

        if (rssi is { } r)
        {
            frame.Add(r);
        }

        if (crc)
        {
            var value = Crc16(frame, 1, frame.Count - 1);
            frame.Add((byte)value);
            frame.Add((byte)(value >> 8));
        }

        return [.. frame];
    }

    /// <summary>A received telegram (L field first, as <see cref="SimulatedRadioMeter.NextTelegram"/> gives it) as WMBUSMSG_IND.</summary>
    public static byte[] Indication(ReadOnlySpan<byte> telegram, uint? timestamp, byte? rssi, bool crc) =>
        Frame(RadioLink, WMBusMessageIndication, telegram[1..], timestamp, rssi, crc);

    /// <summary>CRC-16/X-25 of <paramref name="count"/> bytes from <paramref name="offset"/>.</summary>
    public static ushort Crc16(IReadOnlyList<byte> data, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(data);
        var crc = 0xFFFF;
        for (var i = offset; i < offset + count; i++)
        {
            crc ^= data[i];
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x8408 : crc >> 1;
            }
        }

        return (ushort)~crc;
    }
}
