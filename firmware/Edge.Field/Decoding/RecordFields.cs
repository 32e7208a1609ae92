namespace Edge.Field.Decoding;

/// <summary>The fields of one record as read, before FRAME.md's cross-record rules are applied.</summary>
internal sealed class RecordFields
{
    public string? BaseName { get; set; }

    public long? BaseTime { get; set; }

    public string? BaseUnit { get; set; }

    public string? Name { get; set; }

    public string? Unit { get; set; }

    public SenmlValue? Value { get; set; }

    public long? Time { get; set; }

    public ulong? Seq { get; set; }

    public string? ClockQuality { get; set; }

    public ulong? Flags { get; set; }
}
