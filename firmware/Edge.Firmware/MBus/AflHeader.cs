namespace Edge.Firmware.MBus;

/// <summary>
/// The fields of an authentication and fragmentation layer (CI 0x90, EN 13757-7 §6 / OMS Vol. 2 §6.3) that
/// security mode 7 needs: message counter, message control, MAC and message length. Reused per telegram.
/// </summary>
internal sealed class AflHeader
{
    /// <summary>True when the telegram carried an AFL.</summary>
    public bool Present;

    /// <summary>AFL.MCL (message control), -1 when absent.</summary>
    public int MessageControl;

    /// <summary>AFL.MCR (message counter), -1 when absent.</summary>
    public long MessageCounter;

    /// <summary>Offset of AFL.MCR in the telegram buffer, -1 when absent.</summary>
    public int CounterOffset;

    /// <summary>Offset of AFL.MAC in the telegram buffer, -1 when absent.</summary>
    public int MacOffset;

    /// <summary>Bytes of AFL.MAC (from the authentication type in MCL bits 0-3), 0 when absent.</summary>
    public int MacLength;

    /// <summary>Offset of AFL.ML (message length, 2 bytes), -1 when absent.</summary>
    public int LengthOffset;

    /// <summary>Offset of the CI field after the AFL (the first byte the MAC covers after the AFL fields).</summary>
    public int NextOffset;

    /// <summary>Clears for the next telegram.</summary>
    public void Reset()
    {
        Present = false;
        MessageControl = -1;
        MessageCounter = -1;
        CounterOffset = -1;
        MacOffset = -1;
        MacLength = 0;
        LengthOffset = -1;
        NextOffset = -1;
    }

    /// <summary>
    /// Reads the AFL at <paramref name="i"/> (its CI) of <paramref name="t"/>; false with the telegram's error set
    /// when it is truncated, fragmented or its fields do not fit its length.
    /// </summary>
    public bool Read(MBusTelegram t, int i, int end)
    {
        // OMS Vol. 2 §6.3: AFLL, FCL (2) with presence bits, then MCL, KI (2), MCR (4), MAC, ML (2) as present.
        Reset();
        var b = t.Buffer;
        if (end - i < 4 || b[i + 1] < 2 || i + 2 + b[i + 1] > end)
        {
            return t.Fail("AFL (CI 0x90) truncated");
        }

        var last = i + 2 + b[i + 1];
        var fcl = b[i + 2] | (b[i + 3] << 8);
        if ((fcl & 0x4000) != 0)
        {
            return t.Fail("AFL: fragmented messages are not supported (FCL " + MBusHex.Word(fcl) + ")");
        }

        var p = i + 4;
        if ((fcl & 0x2000) != 0)
        {
            MessageControl = p < last ? b[p] : -1;
            p++;
        }

        p += (fcl & 0x0200) != 0 ? 2 : 0; // KI
        if ((fcl & 0x0800) != 0)
        {
            if (p + 4 <= last)
            {
                CounterOffset = p;
                MessageCounter = (uint)(b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24));
            }

            p += 4;
        }

        if ((fcl & 0x0400) != 0)
        {
            MacLength = MacBytes(MessageControl);
            if (MacLength == 0)
            {
                return t.Fail("AFL: MAC present but the message control " + (MessageControl < 0 ? "is missing" : MBusHex.Byte(MessageControl) + " names no AES-CMAC length"));
            }

            MacOffset = p;
            p += MacLength;
        }

        if ((fcl & 0x1000) != 0)
        {
            LengthOffset = p;
            p += 2;
        }

        if (p != last)
        {
            return t.Fail("AFL: length " + b[i + 1].ToString() + " does not match the fields its FCL " + MBusHex.Word(fcl) + " announces");
        }

        Present = true;
        NextOffset = last;
        return true;
    }

    /// <summary>MAC length for the authentication type in MCL bits 0-3 (EN 13757-7 table: 3..7 AES-CMAC of 2, 4, 8, 12, 16 bytes).</summary>
    private static int MacBytes(int mcl)
    {
        switch (mcl & 0x0F)
        {
            case 3: return 2;
            case 4: return 4;
            case 5: return 8;
            case 6: return 12;
            case 7: return 16;
            default: return 0;
        }
    }
}
