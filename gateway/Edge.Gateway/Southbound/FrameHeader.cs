namespace Edge.Gateway.Southbound;

/// <summary>The base fields of the first record.</summary>
internal sealed class FrameHeader
{
    public string? Name { get; set; }

    public long? Time { get; set; }

    public string? Unit { get; set; }

    public void Validate(string deviceId)
    {
        if (Name is null)
        {
            throw SenmlFrameDecoder.Reject("first record has no bn (base name)");
        }

        if (Time is null)
        {
            throw SenmlFrameDecoder.Reject("first record has no bt (base time)");
        }

        // RFC 9039 device URN, as FRAME.md fixes it: urn:dev:ops:{deviceId}:
        var expected = $"urn:dev:ops:{deviceId}:";
        if (!string.Equals(Name, expected, StringComparison.Ordinal))
        {
            throw SenmlFrameDecoder.Reject($"bn '{Name}' does not match the topic's device (expected '{expected}')");
        }

        if (Unit is not null)
        {
            FrameFields.CheckIdLength(Unit, "bu");
        }
    }
}
