using Edge.Firmware.MBus;

namespace Edge.Firmware.Echonet;

/// <summary>
/// One ECHONET Lite frame (specification Part 2 §3.2, figure 3-1): EHD1 0x10, EHD2, TID and EDATA. In the
/// specified message format (EHD2 0x81) EDATA is SEOJ, DEOJ, ESV, OPC and OPC properties (EPC, PDC, EDT);
/// SetGet, SetGet_Res and SetGet_SNA carry OPCSet properties and then OPCGet properties (§3.2.8). In the
/// arbitrary format (EHD2 0x82) EDATA is left as raw bytes. Reusable: <see cref="TryDecode"/> copies the frame
/// into <see cref="Buffer"/> and fills fixed arrays, so decoding allocates nothing but an error text.
/// </summary>
public sealed class EchonetFrame
{
    /// <summary>ECHONET Lite EHD1 (§3.2.1).</summary>
    public const int Ehd1EchonetLite = 0x10;

    /// <summary>EHD2 of the specified message format (§3.2.1).</summary>
    public const int Ehd2Specified = 0x81;

    /// <summary>EHD2 of the arbitrary message format.</summary>
    public const int Ehd2Arbitrary = 0x82;

    /// <summary>Longest frame accepted: above a Wi-SUN/6LoWPAN UDP payload and an Ethernet MTU.</summary>
    public const int MaxLength = 1500;

    /// <summary>Most properties kept per frame (both sections together); one OPC byte counts up to 255.</summary>
    public const int PropertyCapacity = 255;

    /// <summary>Section of a property in a frame without two sections.</summary>
    public const int SectionSingle = 0;

    /// <summary>OPCSet section of a SetGet-family frame.</summary>
    public const int SectionSet = 1;

    /// <summary>OPCGet section of a SetGet-family frame.</summary>
    public const int SectionGet = 2;

    private readonly byte[] _epc = new byte[PropertyCapacity];
    private readonly byte[] _pdc = new byte[PropertyCapacity];
    private readonly byte[] _section = new byte[PropertyCapacity];
    private readonly short[] _edtOffset = new short[PropertyCapacity];

    /// <summary>The frame bytes (valid up to <see cref="Length"/>); EDT offsets point into it.</summary>
    public readonly byte[] Buffer = new byte[MaxLength];

    /// <summary>Bytes of the frame in <see cref="Buffer"/>.</summary>
    public int Length;

    /// <summary>EHD1.</summary>
    public int Ehd1;

    /// <summary>EHD2: 0x81 specified, 0x82 arbitrary.</summary>
    public int Ehd2;

    /// <summary>Transaction ID, 0-65535.</summary>
    public int Tid;

    /// <summary>Offset of EDATA in <see cref="Buffer"/> (always 4).</summary>
    public int EdataOffset;

    /// <summary>Bytes of EDATA (the raw payload of an arbitrary-format frame).</summary>
    public int EdataLength;

    /// <summary>Source object as 0xGGCCII (class group, class, instance).</summary>
    public int Seoj;

    /// <summary>Destination object as 0xGGCCII.</summary>
    public int Deoj;

    /// <summary>Service code, see <see cref="EchonetEsv"/>.</summary>
    public int Esv;

    /// <summary>OPC (OPCSet for the SetGet family).</summary>
    public int Opc;

    /// <summary>OPCGet of the SetGet family, else 0.</summary>
    public int OpcGet;

    /// <summary>Properties decoded (both sections).</summary>
    public int PropertyCount;

    /// <summary>One of <see cref="EchonetError"/>; <see cref="EchonetError.None"/> after a successful decode.</summary>
    public int Error;

    /// <summary>Why the frame was rejected, naming the offending bytes; null after a successful decode.</summary>
    public string? ErrorText;

    /// <summary>Class code of the source object (0xGGCC).</summary>
    public int SeojClass => Seoj >> 8;

    /// <summary>Class code of the destination object (0xGGCC).</summary>
    public int DeojClass => Deoj >> 8;

    /// <summary>EPC of property <paramref name="i"/>.</summary>
    public int Epc(int i) => _epc[i];

    /// <summary>PDC of property <paramref name="i"/>.</summary>
    public int Pdc(int i) => _pdc[i];

    /// <summary>Offset of property <paramref name="i"/>'s EDT in <see cref="Buffer"/>.</summary>
    public int EdtOffset(int i) => _edtOffset[i];

    /// <summary>Section of property <paramref name="i"/>: <see cref="SectionSingle"/>, <see cref="SectionSet"/> or <see cref="SectionGet"/>.</summary>
    public int Section(int i) => _section[i];

    /// <summary>Index of the first property with <paramref name="epc"/>, or -1.</summary>
    public int Find(int epc)
    {
        for (var i = 0; i < PropertyCount; i++)
        {
            if (_epc[i] == epc)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Decodes <paramref name="length"/> bytes at <paramref name="offset"/>. False with <see cref="Error"/> and
    /// <see cref="ErrorText"/> on any length or header problem; never throws for any byte content.
    /// </summary>
    public bool TryDecode(byte[] frame, int offset, int length)
    {
        Reset();
        if (offset < 0 || length < 0 || offset > frame.Length - length)
        {
            return Fail(EchonetError.TruncatedHeader, "offset " + offset.ToString() + " and length " + length.ToString() + " lie outside the " + frame.Length.ToString() + "-byte buffer");
        }

        if (length > MaxLength)
        {
            return Fail(EchonetError.FrameTooLong, "frame of " + length.ToString() + " bytes is longer than " + MaxLength.ToString());
        }

        if (length < 4)
        {
            return Fail(EchonetError.TruncatedHeader, "header truncated: " + length.ToString() + " bytes, EHD1 EHD2 TID need 4");
        }

        System.Array.Copy(frame, offset, Buffer, 0, length);
        Length = length;
        Ehd1 = Buffer[0];
        Ehd2 = Buffer[1];
        Tid = (Buffer[2] << 8) | Buffer[3];
        EdataOffset = 4;
        EdataLength = length - 4;
        if (Ehd1 != Ehd1EchonetLite)
        {
            return Fail(EchonetError.UnknownEhd1, "unknown EHD1 " + MBusHex.Byte(Ehd1) + ", ECHONET Lite is 0x10");
        }

        if (Ehd2 == Ehd2Arbitrary)
        {
            return true;
        }

        if (Ehd2 != Ehd2Specified)
        {
            return Fail(EchonetError.UnknownEhd2, "unknown EHD2 " + MBusHex.Byte(Ehd2) + ", expected 0x81 (specified) or 0x82 (arbitrary)");
        }

        if (length < 12)
        {
            return Fail(EchonetError.TruncatedEdata, "EDATA truncated: " + EdataLength.ToString() + " bytes, SEOJ DEOJ ESV OPC need 8");
        }

        Seoj = (Buffer[4] << 16) | (Buffer[5] << 8) | Buffer[6];
        Deoj = (Buffer[7] << 16) | (Buffer[8] << 8) | Buffer[9];
        Esv = Buffer[10];
        if (EchonetEsv.Name(Esv) == null)
        {
            return Fail(EchonetError.UnknownEsv, "unknown ESV " + MBusHex.Byte(Esv));
        }

        Opc = Buffer[11];
        var two = EchonetEsv.HasTwoSections(Esv);
        if (Opc == 0 && !two)
        {
            return Fail(EchonetError.ZeroOpc, "OPC 0: " + EchonetEsv.Name(Esv) + " carries no property");
        }

        var i = ReadSection(12, Opc, two ? SectionSet : SectionSingle);
        if (i < 0)
        {
            return false;
        }

        if (two)
        {
            if (i >= length)
            {
                return Fail(EchonetError.TruncatedProperty, "OPCGet missing at offset " + i.ToString() + " of " + EchonetEsv.Name(Esv));
            }

            OpcGet = Buffer[i];
            if (Opc == 0 && OpcGet == 0)
            {
                return Fail(EchonetError.ZeroOpc, "OPCSet and OPCGet are both 0: " + EchonetEsv.Name(Esv) + " carries no property");
            }

            i = ReadSection(i + 1, OpcGet, SectionGet);
            if (i < 0)
            {
                return false;
            }
        }

        if (i != length)
        {
            return Fail(EchonetError.TrailingBytes, (length - i).ToString() + " trailing bytes after the last property at offset " + i.ToString());
        }

        return true;
    }

    /// <summary>Reads <paramref name="count"/> properties from <paramref name="i"/>; returns the next offset or -1.</summary>
    private int ReadSection(int i, int count, int section)
    {
        for (var k = 0; k < count; k++)
        {
            if (i + 2 > Length)
            {
                Fail(EchonetError.TruncatedProperty, "property " + (k + 1).ToString() + " of " + count.ToString() + " truncated at offset " + i.ToString() + ": EPC and PDC need 2 bytes, " + (Length - i).ToString() + " left");
                return -1;
            }

            var pdc = Buffer[i + 1];
            if (i + 2 + pdc > Length)
            {
                Fail(EchonetError.PdcBeyondEnd, "property EPC " + MBusHex.Byte(Buffer[i]) + " PDC " + pdc.ToString() + " runs past the end: " + (Length - i - 2).ToString() + " bytes left");
                return -1;
            }

            if (PropertyCount == PropertyCapacity)
            {
                Fail(EchonetError.TooManyProperties, "more than " + PropertyCapacity.ToString() + " properties");
                return -1;
            }

            _epc[PropertyCount] = Buffer[i];
            _pdc[PropertyCount] = (byte)pdc;
            _edtOffset[PropertyCount] = (short)(i + 2);
            _section[PropertyCount] = (byte)section;
            PropertyCount++;
            i += 2 + pdc;
        }

        return i;
    }

    private void Reset()
    {
        Length = 0;
        Ehd1 = 0;
        Ehd2 = 0;
        Tid = 0;
        EdataOffset = 0;
        EdataLength = 0;
        Seoj = 0;
        Deoj = 0;
        Esv = 0;
        Opc = 0;
        OpcGet = 0;
        PropertyCount = 0;
        Error = EchonetError.None;
        ErrorText = null;
    }

    private bool Fail(int code, string text)
    {
        Error = code;
        ErrorText = text;
        return false;
    }
}
