namespace Edge.HwSim.MBus;

/// <summary>
/// Builds the RSP_UD long frames of a simulated water meter (EN 13757-2 §5 frame, EN 13757-3 variable data
/// structure with the 12-byte transport header of CI 0x72), written out byte by byte from the standard.
/// </summary>
public static class MBusSlaveTelegram
{
    /// <summary>C field of RSP_UD (EN 13757-2 §5.5.1), ACD and DFC clear.</summary>
    public const byte RspUd = 0x08;

    /// <summary>
    /// The long frame for telegram <paramref name="index"/> of <paramref name="slave"/>: telegram 0 carries the
    /// current values, telegram 1 the due-date values (storage 1); all but the last end with DIF 0x1F.
    /// </summary>
    public static byte[] Build(VirtualMBusSlave slave, int index, int accessNumber, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(slave);
        var data = new List<byte>(64);

        // EN 13757-3 §6.2.3 long header: id (BCD, LSB first), manufacturer, version, device type, access no., status, signature.
        AddLe(data, slave.Id, 4);
        AddLe(data, (uint)slave.ManufacturerCode, 2);
        data.Add((byte)slave.Version);
        data.Add((byte)slave.DeviceType);
        data.Add((byte)accessNumber);
        data.Add((byte)slave.Status);
        data.Add(0x00);
        data.Add(0x00);
        if (index == 0)
        {
            // DIF 0x0C (8-digit BCD) VIF 0x78: fabrication number.
            data.Add(0x0C);
            data.Add(0x78);
            AddLe(data, slave.FabricationNumber, 4);

            // DIF 0x04 (32-bit integer) VIF 0x13: volume in 10^-3 m³ (litres).
            data.Add(0x04);
            data.Add(0x13);
            AddLe(data, (uint)slave.VolumeLitres, 4);

            // DIF 0x02 (16-bit integer) VIF 0x3B: volume flow in 10^-3 m³/h.
            data.Add(0x02);
            data.Add(0x3B);
            AddLe(data, (uint)slave.FlowLitresPerHour, 2);

            // DIF 0x04 VIF 0x6D: date and time, type F (EN 13757-3 Annex A).
            data.Add(0x04);
            data.Add(0x6D);
            AddTypeF(data, now.UtcDateTime);

            // DIF 0x01 (8-bit integer) VIF 0xFD VIFE 0x17: error flags (binary, meaning per manufacturer).
            data.Add(0x01);
            data.Add(0xFD);
            data.Add(0x17);
            data.Add((byte)slave.ErrorFlags);
        }
        else
        {
            // DIF 0x44: 32-bit integer, storage number 1 (the last due-date value); VIF 0x13 litres.
            data.Add(0x44);
            data.Add(0x13);
            AddLe(data, (uint)slave.DueDateLitres, 4);

            // DIF 0x42 VIF 0x6C: date type G at storage 1.
            data.Add(0x42);
            data.Add(0x6C);
            AddTypeG(data, slave.DueDate);
        }

        if (index < slave.TelegramCount - 1)
        {
            data.Add(0x1F); // EN 13757-3 §6.3.2: more records follow in the next telegram
        }

        return LongFrame(RspUd, (byte)slave.PrimaryAddress, 0x72, data);
    }

    /// <summary>68 L L 68 C A CI data CS 16 with the checksum over C..data (EN 13757-2 §5.4).</summary>
    public static byte[] LongFrame(byte c, byte a, byte ci, IReadOnlyList<byte> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var l = data.Count + 3;
        var frame = new byte[l + 6];
        frame[0] = 0x68;
        frame[1] = (byte)l;
        frame[2] = (byte)l;
        frame[3] = 0x68;
        frame[4] = c;
        frame[5] = a;
        frame[6] = ci;
        for (var i = 0; i < data.Count; i++)
        {
            frame[7 + i] = data[i];
        }

        var sum = 0;
        for (var i = 4; i < 4 + l; i++)
        {
            sum += frame[i];
        }

        frame[4 + l] = (byte)sum;
        frame[5 + l] = 0x16;
        return frame;
    }

    private static void AddLe(List<byte> data, uint value, int bytes)
    {
        for (var i = 0; i < bytes; i++)
        {
            data.Add((byte)(value >> (8 * i)));
        }
    }

    private static void AddTypeF(List<byte> data, DateTime t)
    {
        var year = t.Year - 2000;
        data.Add((byte)t.Minute);
        data.Add((byte)t.Hour);
        data.Add((byte)(t.Day | ((year & 0x07) << 5)));
        data.Add((byte)(t.Month | ((year >> 3) << 4)));
    }

    private static void AddTypeG(List<byte> data, DateOnly d)
    {
        var year = d.Year - 2000;
        data.Add((byte)(d.Day | ((year & 0x07) << 5)));
        data.Add((byte)(d.Month | ((year >> 3) << 4)));
    }
}
