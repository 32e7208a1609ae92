using System.Diagnostics;
using Edge.Ingest.Storage;
using Edge.Ingest.Storage.Postgres;

namespace Edge.Benchmarks.Ingest;

/// <summary>
/// The PostgreSQL store alone: the rows the ingest stored, written through <see cref="PostgresIngestStore"/> with the
/// same number of concurrent writers and batches, without HTTP, decoding or normalising. Splits the gap between the
/// ingest and COPY into the store's part and the web part.
/// </summary>
internal static class PostgresStoreDirect
{
    public static async Task<(long Readings, TimeSpan Elapsed)> RunAsync(
        string connectionString, long[] batchesPerGateway, DateTimeOffset now)
    {
        await using var store = new PostgresIngestStore(connectionString, TimeProvider.System);
        await store.InitializeAsync(default).ConfigureAwait(false);
        var received = now.ToUnixTimeMilliseconds();
        var work = Enumerable.Range(0, batchesPerGateway.Length)
            .Select(g => Enumerable.Range(1, (int)batchesPerGateway[g])
                .Select(s => new BatchWrite(MeterDays.GatewayId(g), s, 0, received, MeterDays.Normalise(MeterDays.Create(g, s), now), [], [], []))
                .ToList())
            .ToList();

        await Task.WhenAll(work.Select(w => store.StoreBatchAsync(w[0], default))).ConfigureAwait(false);
        var start = Stopwatch.GetTimestamp();
        var counts = await Task.WhenAll(work.Select(w => Task.Run(async () =>
        {
            long stored = 0;
            foreach (var batch in w.Skip(1))
            {
                stored += (await store.StoreBatchAsync(batch, default).ConfigureAwait(false)).Stored;
            }

            return stored;
        }))).ConfigureAwait(false);
        return (counts.Sum(), Stopwatch.GetElapsedTime(start));
    }
}
