using Edge.Uplink.Json;

namespace Edge.Uplink;

/// <summary>The JSON rendering of a batch, for debugging and third parties (BATCH-FORMAT.md, "JSON form").</summary>
public static class BatchJson
{
    /// <summary>Renders a batch as indented JSON.</summary>
    /// <exception cref="ArgumentException">The batch does not fit format v1 (see <see cref="BatchLimits"/>).</exception>
    public static string Serialize(Batch batch)
    {
        BatchValidator.Validate(batch);
        return BatchJsonWriter.Write(batch);
    }

    /// <summary>Parses the JSON rendering; throws <see cref="BatchFormatException"/> on any defect.</summary>
    public static Batch Deserialize(string json) => Deserialize(json, new BatchDecodeOptions());

    /// <summary>Parses the JSON rendering with the reading limit of <paramref name="options"/>.</summary>
    public static Batch Deserialize(string json, BatchDecodeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return BatchJsonReader.Read(json, options.MaxReadings);
    }
}
