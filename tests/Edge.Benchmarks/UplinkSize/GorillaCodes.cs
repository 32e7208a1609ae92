namespace Edge.Benchmarks.UplinkSize;

/// <summary>How often the Gorilla encoder used each of its control codes (to show which paths the data takes).</summary>
internal sealed class GorillaCodes
{
    /// <summary>Delta-of-delta codes: '0', '10'+7, '110'+9, '1110'+12, '1111'+32 bits.</summary>
    public long[] Timestamps { get; } = new long[5];

    /// <summary>Value codes: '0' (equal), '10' (inside the previous window), '11' (new window).</summary>
    public long[] Values { get; } = new long[3];

    /// <summary>True when every code was used at least once.</summary>
    public bool AllUsed => Timestamps.All(n => n > 0) && Values.All(n => n > 0);

    public override string ToString() =>
        $"dod '0'={Timestamps[0]} '10'={Timestamps[1]} '110'={Timestamps[2]} '1110'={Timestamps[3]} '1111'={Timestamps[4]}; " +
        $"value '0'={Values[0]} '10'={Values[1]} '11'={Values[2]}";
}
