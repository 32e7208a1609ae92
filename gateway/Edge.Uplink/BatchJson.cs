namespace Edge.Uplink;

/// <summary>The JSON rendering of a batch, for debugging and third parties.</summary>
public static class BatchJson
{
    /// <summary>Renders a batch as JSON.</summary>
    public static string Serialize(Batch batch) => throw new NotImplementedException();

    /// <summary>Parses the JSON rendering; throws <see cref="BatchFormatException"/> on any defect.</summary>
    public static Batch Deserialize(string json) => throw new NotImplementedException();
}
