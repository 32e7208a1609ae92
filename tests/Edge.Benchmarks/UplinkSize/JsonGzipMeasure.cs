using System.IO.Compression;
using System.Text;

namespace Edge.Benchmarks.UplinkSize;

/// <summary>
/// The naive JSON stream of <see cref="SizeMeasures.NaiveJsonBytes"/> (the same objects, no separators),
/// gzip-compressed with System.IO.Compression at <see cref="CompressionLevel.Optimal"/>, in arrival order
/// (reading k is hour k / meters, meter k % meters), as the binary batches carry it.
/// </summary>
internal static class JsonGzipMeasure
{
    /// <summary>Sum of one gzip member per batch, each batch holding the same readings as the binary batch of that index.</summary>
    public static long PerBatch(MeterSeries[] fleet, DateTimeOffset startUtc, IReadOnlyList<SizedBatch> batches)
    {
        long total = 0;
        var from = 0;
        foreach (var batch in batches)
        {
            total += Gzip(fleet, startUtc, from, batch.Readings);
            from += batch.Readings;
        }

        if (from != fleet.Length * fleet[0].RegisterLitres.Length)
        {
            throw new InvalidOperationException($"the batches hold {from} readings, the fleet {fleet.Length * fleet[0].RegisterLitres.Length}");
        }

        return total;
    }

    /// <summary>One gzip member over the whole stream.</summary>
    public static long WholeStream(MeterSeries[] fleet, DateTimeOffset startUtc) =>
        Gzip(fleet, startUtc, 0, fleet.Length * fleet[0].RegisterLitres.Length);

    private static long Gzip(MeterSeries[] fleet, DateTimeOffset startUtc, int from, int count)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (var k = from; k < from + count; k++)
            {
                var json = SizeMeasures.NaiveJson(fleet[k % fleet.Length], k / fleet.Length, startUtc);
                gzip.Write(Encoding.ASCII.GetBytes(json));
            }
        }

        return compressed.Length;
    }
}
