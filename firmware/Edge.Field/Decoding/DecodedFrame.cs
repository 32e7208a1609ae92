namespace Edge.Field.Decoding;

/// <summary>A device frame (firmware/FRAME.md) decoded and checked.</summary>
public sealed record DecodedFrame
{
    /// <summary>The SenML base name (<c>bn</c>), <c>urn:dev:ops:{deviceId}:</c>.</summary>
    public required string BaseName { get; init; }

    /// <summary>The device id taken from the base name.</summary>
    public required string DeviceId { get; init; }

    /// <summary>The base time (<c>bt</c>) in Unix seconds, UTC.</summary>
    public required long BaseTime { get; init; }

    /// <summary>The base unit (<c>bu</c>), or null when the frame has none.</summary>
    public string? BaseUnit { get; init; }

    /// <summary>The records, in frame order.</summary>
    public required IReadOnlyList<DecodedRecord> Records { get; init; }
}
