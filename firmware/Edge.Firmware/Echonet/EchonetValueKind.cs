namespace Edge.Firmware.Echonet;

/// <summary>What an <see cref="EchonetValue"/> holds (which of its fields are meaningful).</summary>
public static class EchonetValueKind
{
    /// <summary>Nothing decoded (PDC 0, as in a Get or a _SNA response).</summary>
    public const int None = 0;

    /// <summary>Raw EDT bytes only: a property this decoder gives no meaning to.</summary>
    public const int Raw = 1;

    /// <summary>An integer in <see cref="EchonetValue.Raw"/>, scaled when <see cref="EchonetValue.Scaled"/>.</summary>
    public const int Number = 2;

    /// <summary>A named code in <see cref="EchonetValue.Text"/> (raw code in <see cref="EchonetValue.Raw"/>).</summary>
    public const int Enumeration = 3;

    /// <summary>A boolean state in <see cref="EchonetValue.Flag"/> (raw code in <see cref="EchonetValue.Raw"/>).</summary>
    public const int Flag = 4;

    /// <summary>ASCII text in <see cref="EchonetValue.Text"/>.</summary>
    public const int Text = 5;

    /// <summary>Hex digits in <see cref="EchonetValue.Text"/> (manufacturer code, identification number).</summary>
    public const int Code = 6;

    /// <summary>A date in Year/Month/Day.</summary>
    public const int Date = 7;

    /// <summary>A time in Hour/Minute (and Second).</summary>
    public const int Time = 8;

    /// <summary>A date and time with a cumulative register in <see cref="EchonetValue.Raw"/> (0x0288 0xEA/0xEB).</summary>
    public const int TimedNumber = 9;

    /// <summary>A property map: <see cref="EchonetValue.EpcCount"/> EPCs.</summary>
    public const int PropertyMap = 10;

    /// <summary>A list of objects (EOJ) or classes: <see cref="EchonetValue.ObjectCount"/> entries.</summary>
    public const int ObjectList = 11;

    /// <summary>Half-hourly cumulative values: <see cref="EchonetValue.HistoryCount"/> of them.</summary>
    public const int History = 12;

    /// <summary>Two numbers: <see cref="EchonetValue.Raw"/> and <see cref="EchonetValue.Raw2"/> (R and T phase currents).</summary>
    public const int Pair = 13;

    /// <summary>Standard version: release letter in <see cref="EchonetValue.Text"/>, revision in <see cref="EchonetValue.Raw"/>.</summary>
    public const int Version = 14;

    /// <summary>Name of a kind, as used in JSON output.</summary>
    public static string Name(int kind)
    {
        switch (kind)
        {
            case None: return "none";
            case Raw: return "raw";
            case Number: return "number";
            case Enumeration: return "enumeration";
            case Flag: return "flag";
            case Text: return "text";
            case Code: return "code";
            case Date: return "date";
            case Time: return "time";
            case TimedNumber: return "timed-number";
            case PropertyMap: return "property-map";
            case ObjectList: return "object-list";
            case History: return "history";
            case Pair: return "pair";
            case Version: return "version";
            default: return "unknown";
        }
    }
}
