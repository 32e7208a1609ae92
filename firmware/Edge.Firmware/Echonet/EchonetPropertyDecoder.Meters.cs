namespace Edge.Firmware.Echonet;

/// <summary>The meter classes: low-voltage smart electric energy meter, water flow meter, gas meter.</summary>
public static partial class EchonetPropertyDecoder
{
    /// <summary>Low-voltage smart electric energy meter 0x0288 (APPENDIX, Release F and later).</summary>
    private static int Smart(int epc, byte[] b, int o, int pdc, EchonetMeterScale scale, EchonetValue v)
    {
        int r;
        switch (epc)
        {
            case 0xD3: // coefficient, unsigned long 1-999999
                if ((r = Size(v, epc, pdc, 4)) != Done)
                {
                    return r;
                }

                v.Kind = EchonetValueKind.Number;
                v.Raw = U32(b, o);
                return v.Raw >= 1 && v.Raw <= 999999 ? Done : Range(v, epc, "coefficient", v.Raw);
            case 0xD7: // effective digits of the cumulative registers, 1-8
                if ((r = Size(v, epc, pdc, 1)) != Done)
                {
                    return r;
                }

                v.Kind = EchonetValueKind.Number;
                v.Raw = b[o];
                return v.Raw >= 1 && v.Raw <= 8 ? Done : Range(v, epc, "effective digits", v.Raw);
            case 0xE0: // cumulative energy, normal direction
            case 0xE3: // reverse direction
                if ((r = Size(v, epc, pdc, 4)) != Done)
                {
                    return r;
                }

                v.Kind = EchonetValueKind.Number;
                v.Raw = U32(b, o);
                v.Status = CumulativeStatus(v.Raw, scale.EffectiveDigits);
                ScaleEnergy(v, scale);
                return Done;
            case 0xE1:
                return Unit(EchonetClass.LowVoltageSmartMeter, epc, b, o, pdc, v, "kWh");
            case 0xE2: // historical data 1: day (2 bytes, 0-99) then 48 half-hour values
            case 0xE4:
                if ((r = Size(v, epc, pdc, 2 + (4 * EchonetValue.HistorySlots))) != Done)
                {
                    return r;
                }

                ReadHistory(b, o + 2, scale.EffectiveDigits, v);
                v.HistoryDay = U16(b, o);
                ScaleEnergy(v, scale);
                return v.HistoryDay <= 99 ? Done : Range(v, epc, "day", v.HistoryDay);
            case 0xE5: // day for historical data 1, 0-99
                if ((r = Size(v, epc, pdc, 1)) != Done)
                {
                    return r;
                }

                v.Kind = EchonetValueKind.Number;
                v.Raw = b[o];
                return v.Raw <= 99 ? Done : Range(v, epc, "day", v.Raw);
            case 0xE7: // instantaneous power, signed long W, 0x80000001-0x7FFFFFFD
                if ((r = Size(v, epc, pdc, 4)) != Done)
                {
                    return r;
                }

                var p = (int)U32(b, o);
                v.Kind = EchonetValueKind.Number;
                v.Raw = p;
                v.Status = p == int.MinValue ? EchonetValueStatus.Underflow
                    : p == int.MaxValue ? EchonetValueStatus.Overflow
                    : p == int.MaxValue - 1 ? EchonetValueStatus.NoData : EchonetValueStatus.Valid;
                Scale(v, "power", 1, 0, "W");
                return Done;
            case 0xE8: // instantaneous currents: R phase, T phase, signed short in 0.1 A
                if ((r = Size(v, epc, pdc, 4)) != Done)
                {
                    return r;
                }

                v.Kind = EchonetValueKind.Pair;
                v.Raw = (short)U16(b, o);
                v.Raw2 = (short)U16(b, o + 2);
                v.Status = ShortStatus(v.Raw);
                v.Status2 = ShortStatus(v.Raw2);
                Scale(v, "current", 1, -1, "A");
                return Done;
            case 0xEA: // cumulative energy at a fixed time: YYYY MM DD hh mm ss, then the register
            case 0xEB:
                if ((r = Size(v, epc, pdc, 11)) != Done)
                {
                    return r;
                }

                if (!DateTime(b, o, true, v))
                {
                    return Range(v, epc, "date/time", U32(b, o));
                }

                v.Kind = EchonetValueKind.TimedNumber;
                v.Raw = U32(b, o + 7);
                v.Status = CumulativeStatus(v.Raw, scale.EffectiveDigits);
                ScaleEnergy(v, scale);
                return Done;
            default:
                return Unhandled;
        }
    }

    /// <summary>Water flow meter 0x0281 (APPENDIX, Release F and later).</summary>
    private static int Water(int epc, byte[] b, int o, int pdc, EchonetMeterScale scale, EchonetValue v)
    {
        int r;
        switch (epc)
        {
            case 0xD0:
                return Choice(epc, b, o, pdc, v, "running water", "recycled water", "sewage water", "other water");
            case 0xD1:
                return Choice(epc, b, o, pdc, v, "not specified", "public waterworks company", "private sector company", "individual");
            case 0xE0: // cumulative flow, unsigned long 0-99,999,999 in the unit of 0xE1
                if ((r = Size(v, epc, pdc, 4)) != Done)
                {
                    return r;
                }

                v.Kind = EchonetValueKind.Number;
                v.Raw = U32(b, o);
                v.Status = CumulativeStatus(v.Raw, 0);
                ScaleWater(v, scale);
                return Done;
            case 0xE1:
                return Unit(EchonetClass.WaterFlowMeter, epc, b, o, pdc, v, "m3");
            case 0xE2: // 48 half-hour values, no day field
                if ((r = Size(v, epc, pdc, 4 * EchonetValue.HistorySlots)) != Done)
                {
                    return r;
                }

                ReadHistory(b, o, 0, v);
                ScaleWater(v, scale);
                return Done;
            case 0xE3:
                return AbnormalValue(epc, b, o, pdc, v);
            case 0xE4: // security data information: unsigned long, the abnormal states as bits (assignment not published)
                if ((r = Size(v, epc, pdc, 4)) != Done)
                {
                    return r;
                }

                v.Kind = EchonetValueKind.Number;
                v.Raw = U32(b, o);
                return Done;
            default:
                return Unhandled;
        }
    }

    /// <summary>Gas meter 0x0282: registers in 0.001 m3 (APPENDIX, Release F and later).</summary>
    private static int Gas(int epc, byte[] b, int o, int pdc, EchonetValue v)
    {
        int r;
        switch (epc)
        {
            case 0xE0:
                if ((r = Size(v, epc, pdc, 4)) != Done)
                {
                    return r;
                }

                v.Kind = EchonetValueKind.Number;
                v.Raw = U32(b, o);
                v.Status = CumulativeStatus(v.Raw, 0);
                Scale(v, "volume", 1, -3, "m3");
                return Done;
            case 0xE2:
                if ((r = Size(v, epc, pdc, 4 * EchonetValue.HistorySlots)) != Done)
                {
                    return r;
                }

                ReadHistory(b, o, 0, v);
                Scale(v, "volume", 1, -3, "m3");
                return Done;
            case 0xE3:
                return AbnormalValue(epc, b, o, pdc, v);
            default:
                return Unhandled;
        }
    }

    /// <summary>kWh = raw × coefficient × unit, once the meter's unit (0xE1) is known.</summary>
    private static void ScaleEnergy(EchonetValue v, EchonetMeterScale scale)
    {
        v.Quantity = "energy";
        if (EchonetMeterScale.TryUnitExponent(EchonetClass.LowVoltageSmartMeter, scale.UnitCode, out var e))
        {
            Scale(v, "energy", scale.Coefficient, e, "kWh");
        }
    }

    /// <summary>m3 = raw × unit, once the meter's unit (0xE1) is known.</summary>
    private static void ScaleWater(EchonetValue v, EchonetMeterScale scale)
    {
        v.Quantity = "volume";
        if (EchonetMeterScale.TryUnitExponent(EchonetClass.WaterFlowMeter, scale.UnitCode, out var e))
        {
            Scale(v, "volume", 1, e, "m3");
        }
    }

    /// <summary>A unit code 0xE1: the value is one unit, e.g. 0x01 → 1 × 10^-1 kWh.</summary>
    private static int Unit(int classCode, int epc, byte[] b, int o, int pdc, EchonetValue v, string unit)
    {
        var r = Size(v, epc, pdc, 1);
        if (r != Done)
        {
            return r;
        }

        if (!EchonetMeterScale.TryUnitExponent(classCode, b[o], out var e))
        {
            return Range(v, epc, "unit code", b[o]);
        }

        v.Kind = EchonetValueKind.Number;
        v.Raw = 1;
        Scale(v, "unit", 1, e, unit);
        return Done;
    }

    /// <summary>Detection of abnormal value in metering data: 0x41 found, 0x42 not found.</summary>
    private static int AbnormalValue(int epc, byte[] b, int o, int pdc, EchonetValue v)
    {
        var r = Size(v, epc, pdc, 1);
        if (r != Done)
        {
            return r;
        }

        v.Raw = b[o];
        if (b[o] != 0x41 && b[o] != 0x42)
        {
            return Range(v, epc, "code", b[o]);
        }

        v.Kind = EchonetValueKind.Flag;
        v.Flag = b[o] == 0x41;
        return Done;
    }

    /// <summary>A one-byte code 0x30, 0x31, ... naming one of <paramref name="n0"/>..<paramref name="n3"/>.</summary>
    private static int Choice(int epc, byte[] b, int o, int pdc, EchonetValue v, string n0, string n1, string n2, string n3)
    {
        var r = Size(v, epc, pdc, 1);
        if (r != Done)
        {
            return r;
        }

        v.Raw = b[o];
        v.Kind = EchonetValueKind.Enumeration;
        switch (b[o])
        {
            case 0x30: v.Text = n0; return Done;
            case 0x31: v.Text = n1; return Done;
            case 0x32: v.Text = n2; return Done;
            case 0x33: v.Text = n3; return Done;
            default: return Range(v, epc, "code", b[o]);
        }
    }

    /// <summary>Signed short reserved codes: 0x7FFE no data, 0x7FFF overflow, 0x8000 underflow.</summary>
    private static int ShortStatus(long raw) =>
        raw == 0x7FFE ? EchonetValueStatus.NoData
        : raw == 0x7FFF ? EchonetValueStatus.Overflow
        : raw == -0x8000 ? EchonetValueStatus.Underflow : EchonetValueStatus.Valid;
}
