using Edge.Uplink.Binary;
using ZstdSharp;

namespace Edge.Uplink;

/// <summary>A trained zstd dictionary with the id that batches name it by.</summary>
/// <param name="Id">Id written in the header of batches compressed with it (not 0).</param>
/// <param name="Content">
/// The dictionary bytes: a zstd dictionary (magic EC30A437) or raw content that zstd uses as a prefix.
/// </param>
public sealed record BatchDictionary(uint Id, byte[] Content)
{
    /// <summary>Default largest dictionary size for <see cref="Train"/>.</summary>
    public const int DefaultMaxBytes = 16 * 1024;

    /// <summary>
    /// Trains a dictionary on the uncompressed bodies of sample batches (zstd's COVER trainer). If zstd
    /// cannot train on them (too few or too small samples), the dictionary is the raw content of the last
    /// <paramref name="maxBytes"/> bytes of the samples instead, which zstd also accepts.
    /// </summary>
    /// <param name="id">Id to give the dictionary (not 0).</param>
    /// <param name="samples">Typical batches, ideally hundreds.</param>
    /// <param name="maxBytes">Largest dictionary size.</param>
    public static BatchDictionary Train(uint id, IEnumerable<Batch> samples, int maxBytes = DefaultMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentOutOfRangeException.ThrowIfZero(id);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 256);
        var bodies = new List<byte[]>();
        foreach (var batch in samples)
        {
            BatchValidator.Validate(batch);
            bodies.Add(BodyEncoder.Encode(batch, BodyEncoder.HasDeviceTimes(batch)));
        }

        if (bodies.Count == 0)
        {
            throw new ArgumentException("no sample batches to train on", nameof(samples));
        }

        try
        {
            return new BatchDictionary(id, DictBuilder.TrainFromBuffer(bodies, maxBytes));
        }
        catch (ZstdException)
        {
            var raw = bodies.SelectMany(b => b).ToArray();
            return new BatchDictionary(id, raw[Math.Max(0, raw.Length - maxBytes)..]);
        }
    }
}
