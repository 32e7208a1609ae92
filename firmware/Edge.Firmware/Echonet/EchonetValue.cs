namespace Edge.Firmware.Echonet;

/// <summary>
/// The meaning of one property's EDT, filled by <see cref="EchonetPropertyDecoder"/>. Reusable: one instance
/// serves every property (its arrays are allocated once), so copy what you keep. A scaled number's SI value is
/// <c>Raw × Multiplier × 10^Exponent</c> in <see cref="Unit"/>; history slots scale the same way.
/// </summary>
public sealed class EchonetValue
{
    /// <summary>Slots of a historical data property (48 half hours).</summary>
    public const int HistorySlots = 48;

    /// <summary>See <see cref="EchonetValueKind"/>.</summary>
    public int Kind;

    /// <summary>See <see cref="EchonetValueStatus"/> (of <see cref="Raw"/>).</summary>
    public int Status;

    /// <summary>The number (or code) the EDT holds.</summary>
    public long Raw;

    /// <summary>Second number of a <see cref="EchonetValueKind.Pair"/> (T phase current).</summary>
    public long Raw2;

    /// <summary>Status of <see cref="Raw2"/>.</summary>
    public int Status2;

    /// <summary>A boolean state (<see cref="EchonetValueKind.Flag"/>): true for ON, fault, abnormality found.</summary>
    public bool Flag;

    /// <summary>Enumeration name, text, hex code or release letter; null otherwise.</summary>
    public string? Text;

    /// <summary>What is measured ("energy", "volume", "power", "current"); null for non-measurements.</summary>
    public string? Quantity;

    /// <summary>True when <see cref="Multiplier"/>, <see cref="Exponent"/> and <see cref="Unit"/> give the SI value.</summary>
    public bool Scaled;

    /// <summary>Integer factor (the smart meter's coefficient 0xD3, else 1).</summary>
    public long Multiplier = 1;

    /// <summary>Decimal exponent (from the unit property 0xE1, or fixed by the property).</summary>
    public int Exponent;

    /// <summary>Unit of the scaled value: "kWh", "m3", "W", "A"; null when not scaled.</summary>
    public string? Unit;

    /// <summary>Date/time fields (<see cref="EchonetValueKind.Date"/>, Time, TimedNumber); -1 when absent.</summary>
    public int Year;

    /// <summary>Month 1-12.</summary>
    public int Month;

    /// <summary>Day 1-31.</summary>
    public int Day;

    /// <summary>Hour 0-23.</summary>
    public int Hour;

    /// <summary>Minute 0-59.</summary>
    public int Minute;

    /// <summary>Second 0-59.</summary>
    public int Second;

    /// <summary>A property map's EPCs in ascending order (<see cref="EpcCount"/> of them).</summary>
    public readonly byte[] Epcs = new byte[256];

    /// <summary>EPCs in <see cref="Epcs"/>.</summary>
    public int EpcCount;

    /// <summary>The count byte of a property map or object list as sent.</summary>
    public int DeclaredCount;

    /// <summary>Property map: 1 list form (under 16 properties), 2 bitmap form (16 or more).</summary>
    public int MapFormat;

    /// <summary>Objects (0xGGCCII) or classes (0xGGCC) of an object list (<see cref="ObjectCount"/> of them).</summary>
    public readonly int[] Objects = new int[84];

    /// <summary>Entries in <see cref="Objects"/>.</summary>
    public int ObjectCount;

    /// <summary>History: raw values per half hour slot (slot 0 = 00:00-00:30 of the day).</summary>
    public readonly long[] History = new long[HistorySlots];

    /// <summary>History: <see cref="EchonetValueStatus"/> per slot.</summary>
    public readonly byte[] HistoryStatus = new byte[HistorySlots];

    /// <summary>Slots in <see cref="History"/>.</summary>
    public int HistoryCount;

    /// <summary>History: the day it covers (0 today, 1 yesterday, ... 99), -1 when the property has none.</summary>
    public int HistoryDay;

    /// <summary>One of <see cref="EchonetError"/> when the EDT does not fit the property.</summary>
    public int Error;

    /// <summary>Why the EDT does not fit; null when it does.</summary>
    public string? ErrorText;

    /// <summary>SI mantissa of <see cref="Raw"/> (value = mantissa × 10^<see cref="Exponent"/>).</summary>
    public long Mantissa => Raw * Multiplier;

    /// <summary>SI mantissa of history slot <paramref name="i"/>.</summary>
    public long HistoryMantissa(int i) => History[i] * Multiplier;

    /// <summary>Clears every field for the next property.</summary>
    public void Reset()
    {
        Kind = EchonetValueKind.None;
        Status = EchonetValueStatus.Valid;
        Status2 = EchonetValueStatus.Valid;
        Raw = 0;
        Raw2 = 0;
        Flag = false;
        Text = null;
        Quantity = null;
        Scaled = false;
        Multiplier = 1;
        Exponent = 0;
        Unit = null;
        Year = -1;
        Month = -1;
        Day = -1;
        Hour = -1;
        Minute = -1;
        Second = -1;
        EpcCount = 0;
        DeclaredCount = 0;
        MapFormat = 0;
        ObjectCount = 0;
        HistoryCount = 0;
        HistoryDay = -1;
        Error = EchonetError.None;
        ErrorText = null;
    }
}
