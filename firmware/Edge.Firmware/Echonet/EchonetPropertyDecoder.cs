using Edge.Firmware.MBus;

namespace Edge.Firmware.Echonet;

/// <summary>
/// Gives properties their meaning (APPENDIX Detailed Requirements for ECHONET Device Objects, Release F and
/// later): names of codes, numbers with the reserved overflow/underflow/"no data" codes kept out of values, and
/// cumulative registers in SI units with the meter's own coefficient and unit. Never throws; a property whose
/// EDT does not fit its definition comes back false with <see cref="EchonetValue.Error"/> set.
/// </summary>
public static partial class EchonetPropertyDecoder
{
    /// <summary>Largest value of the 8-digit cumulative registers (APPENDIX: 0x00000000-0x05F5E0FF).</summary>
    public const long CumulativeMax = 99999999;

    /// <summary>
    /// The object a frame's properties belong to: the destination for requests (0x6x) and INFC_Res, whose
    /// properties name the destination's, the source for responses and notifications.
    /// </summary>
    public static int PropertyObject(EchonetFrame f) =>
        (f.Esv >= 0x60 && f.Esv <= 0x6F) || f.Esv == EchonetEsv.InfcRes ? f.Deoj : f.Seoj;

    /// <summary>
    /// Takes the coefficient (0xD3), effective digits (0xD7) and unit (0xE1) from a response or notification of
    /// a smart electric or water meter into <paramref name="scale"/>, before its other properties are decoded.
    /// </summary>
    public static void Learn(EchonetFrame f, EchonetMeterScale scale)
    {
        // Values the meter itself reports: responses and notifications, and the properties a Get_SNA, INF_SNA or
        // SetGet_SNA did supply (PDC > 0). Not requests, INFC_Res, nor SetI/SetC_SNA, which echo refused values.
        var esv = f.Esv;
        var fromMeter = (esv >= 0x71 && esv <= 0x7E && esv != EchonetEsv.InfcRes)
            || esv == EchonetEsv.GetSna || esv == EchonetEsv.InfSna || esv == EchonetEsv.SetGetSna;
        if (f.Ehd2 != EchonetFrame.Ehd2Specified || !fromMeter)
        {
            return;
        }

        var cls = f.SeojClass;
        if (cls != EchonetClass.LowVoltageSmartMeter && cls != EchonetClass.WaterFlowMeter)
        {
            return;
        }

        var b = f.Buffer;
        for (var i = 0; i < f.PropertyCount; i++)
        {
            var o = f.EdtOffset(i);
            var pdc = f.Pdc(i);
            switch (f.Epc(i))
            {
                case 0xD3:
                    if (cls == EchonetClass.LowVoltageSmartMeter && pdc == 4)
                    {
                        var c = U32(b, o);
                        if (c >= 1 && c <= 999999)
                        {
                            scale.Coefficient = c;
                        }
                    }

                    break;
                case 0xD7:
                    if (cls == EchonetClass.LowVoltageSmartMeter && pdc == 1 && b[o] >= 1 && b[o] <= 8)
                    {
                        scale.EffectiveDigits = b[o];
                    }

                    break;
                case 0xE1:
                    if (pdc == 1 && EchonetMeterScale.TryUnitExponent(cls, b[o], out _))
                    {
                        scale.UnitCode = b[o];
                    }

                    break;
            }
        }
    }

    /// <summary>Decodes property <paramref name="index"/> of a decoded frame.</summary>
    public static bool Decode(EchonetFrame f, int index, EchonetMeterScale scale, EchonetValue v) =>
        Decode(PropertyObject(f) >> 8, f.Epc(index), f.Buffer, f.EdtOffset(index), f.Pdc(index), scale, v);

    /// <summary>
    /// Decodes the EDT (<paramref name="pdc"/> bytes at <paramref name="offset"/>) of property
    /// <paramref name="epc"/> of class <paramref name="classCode"/>. PDC 0 gives <see cref="EchonetValueKind.None"/>.
    /// </summary>
    public static bool Decode(int classCode, int epc, byte[] b, int offset, int pdc, EchonetMeterScale scale, EchonetValue v)
    {
        v.Reset();
        if (pdc == 0)
        {
            return true;
        }

        if (offset < 0 || offset + pdc > b.Length)
        {
            return Fail(v, EchonetError.PdcBeyondEnd, "EDT of " + pdc.ToString() + " bytes lies outside the buffer");
        }

        int handled;
        switch (classCode)
        {
            case EchonetClass.LowVoltageSmartMeter: handled = Smart(epc, b, offset, pdc, scale, v); break;
            case EchonetClass.WaterFlowMeter: handled = Water(epc, b, offset, pdc, scale, v); break;
            case EchonetClass.GasMeter: handled = Gas(epc, b, offset, pdc, v); break;
            case EchonetClass.NodeProfile: handled = Node(epc, b, offset, pdc, v); break;
            default: handled = Unhandled; break;
        }

        if (handled == Unhandled)
        {
            handled = Super(classCode, epc, b, offset, pdc, v);
        }

        if (handled == Unhandled)
        {
            v.Kind = EchonetValueKind.Raw;
            return true;
        }

        return handled == Done;
    }

    private const int Done = 0;
    private const int Failed = 1;
    private const int Unhandled = 2;

    /// <summary>Unsigned 32-bit big-endian.</summary>
    internal static long U32(byte[] b, int o) => ((long)b[o] << 24) | ((long)b[o + 1] << 16) | ((long)b[o + 2] << 8) | b[o + 3];

    /// <summary>Unsigned 16-bit big-endian.</summary>
    internal static int U16(byte[] b, int o) => (b[o] << 8) | b[o + 1];

    private static int Size(EchonetValue v, int epc, int pdc, int expected)
    {
        if (pdc == expected)
        {
            return Done;
        }

        Fail(v, EchonetError.WrongPdc, "EPC " + MBusHex.Byte(epc) + " needs " + expected.ToString() + " bytes, PDC is " + pdc.ToString());
        return Failed;
    }

    private static int Range(EchonetValue v, int epc, string what, long raw)
    {
        Fail(v, EchonetError.OutOfRange, "EPC " + MBusHex.Byte(epc) + " " + what + " " + raw.ToString() + " is outside its defined range");
        return Failed;
    }

    private static bool Fail(EchonetValue v, int code, string text)
    {
        v.Error = code;
        v.ErrorText = text;
        return false;
    }

    /// <summary>Status of an unsigned long register of at most 8 digits (or the meter's effective digits).</summary>
    private static int CumulativeStatus(long raw, int digits)
    {
        if (raw == 0xFFFFFFFE)
        {
            return EchonetValueStatus.NoData;
        }

        if (raw == 0xFFFFFFFF)
        {
            return EchonetValueStatus.Overflow;
        }

        var max = CumulativeMax;
        if (digits >= 1 && digits < 8)
        {
            max = 9;
            for (var d = 1; d < digits; d++)
            {
                max = (max * 10) + 9;
            }
        }

        return raw > max ? EchonetValueStatus.OutOfRange : EchonetValueStatus.Valid;
    }

    /// <summary>Reads 48 half-hour cumulative slots (4 bytes each) from <paramref name="o"/>.</summary>
    private static void ReadHistory(byte[] b, int o, int digits, EchonetValue v)
    {
        v.Kind = EchonetValueKind.History;
        v.HistoryCount = EchonetValue.HistorySlots;
        for (var s = 0; s < EchonetValue.HistorySlots; s++)
        {
            var raw = U32(b, o + (4 * s));
            v.History[s] = raw;
            v.HistoryStatus[s] = (byte)CumulativeStatus(raw, digits);
        }
    }

    /// <summary>Sets the scaling of a value: SI = raw × multiplier × 10^exponent in unit.</summary>
    private static void Scale(EchonetValue v, string quantity, long multiplier, int exponent, string unit)
    {
        v.Quantity = quantity;
        v.Scaled = true;
        v.Multiplier = multiplier;
        v.Exponent = exponent;
        v.Unit = unit;
    }
}
