using System.Diagnostics;
using Edge.Ingest.Normalisation;
using Edge.Ingest.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Edge.Benchmarks.Ingest;

/// <summary>
/// The database's own limit: the rows the ingest stored, binary COPY straight into the same <c>readings</c> table
/// (emptied first; its partitions and indexes stay), with the same number of connections and one COPY and commit per
/// batch, as the ingest commits. No HTTP, no decoding, no dedup, no staging.
/// </summary>
internal static class PostgresCopyBaseline
{
    public static async Task<(long Readings, TimeSpan Elapsed)> RunAsync(
        string connectionString, long[] batchesPerGateway, DateTimeOffset now)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using (var truncate = dataSource.CreateCommand("TRUNCATE readings"))
        {
            await truncate.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        // The rows are made before the clock starts: the baseline measures the database, not our encoder.
        var work = Enumerable.Range(0, batchesPerGateway.Length)
            .Select(g => Enumerable.Range(1, (int)batchesPerGateway[g])
                .Select(s => (BatchId: BatchWrite.Format(MeterDays.GatewayId(g), s), Rows: MeterDays.Normalise(MeterDays.Create(g, s), now)))
                .ToList())
            .ToList();

        // The first batch of each gateway was the ingest's untimed warm-up; it is untimed here too.
        await Task.WhenAll(work.Select(w => CopyAsync(dataSource, [w[0]], now))).ConfigureAwait(false);
        var start = Stopwatch.GetTimestamp();
        var counts = await Task.WhenAll(work.Select(w => Task.Run(() => CopyAsync(dataSource, w.Skip(1), now)))).ConfigureAwait(false);
        return (counts.Sum(), Stopwatch.GetElapsedTime(start));
    }

    private static async Task<long> CopyAsync(
        NpgsqlDataSource dataSource, IEnumerable<(string BatchId, IReadOnlyList<NormalisedReading> Rows)> batches, DateTimeOffset now)
    {
        long copied = 0;
        var received = now.ToUnixTimeMilliseconds();
        await using var db = await dataSource.OpenConnectionAsync().ConfigureAwait(false);
        foreach (var (batchId, rows) in batches)
        {
            await using var transaction = await db.BeginTransactionAsync().ConfigureAwait(false);
            await using (var copy = await db.BeginBinaryImportAsync("""
                COPY readings (device_id, seq, channel, observed_unix_ms, received_unix_ms, clock_quality, flags, value,
                    unit, unit_code, raw_mantissa, raw_scale, raw_unit, batch_id, device_unix_ms) FROM STDIN (FORMAT BINARY)
                """).ConfigureAwait(false))
            {
                foreach (var r in rows)
                {
                    await copy.StartRowAsync().ConfigureAwait(false);
                    await copy.WriteAsync(r.DeviceId, NpgsqlDbType.Text).ConfigureAwait(false);
                    await copy.WriteAsync(r.Seq, NpgsqlDbType.Bigint).ConfigureAwait(false);
                    await copy.WriteAsync(r.Channel, NpgsqlDbType.Text).ConfigureAwait(false);
                    await copy.WriteAsync(r.ObservedUnixMs, NpgsqlDbType.Bigint).ConfigureAwait(false);
                    await copy.WriteAsync(received, NpgsqlDbType.Bigint).ConfigureAwait(false);
                    await copy.WriteAsync(r.ClockQuality, NpgsqlDbType.Text).ConfigureAwait(false);
                    await copy.WriteAsync(r.Flags, NpgsqlDbType.Integer).ConfigureAwait(false);
                    await copy.WriteAsync(r.Value, NpgsqlDbType.Double).ConfigureAwait(false);
                    await copy.WriteAsync(r.Unit, NpgsqlDbType.Text).ConfigureAwait(false);
                    await copy.WriteAsync(r.UnitCode, NpgsqlDbType.Text).ConfigureAwait(false);
                    await copy.WriteAsync(r.RawMantissa, NpgsqlDbType.Bigint).ConfigureAwait(false);
                    await copy.WriteAsync(r.RawScale, NpgsqlDbType.Integer).ConfigureAwait(false);
                    await copy.WriteAsync(r.RawUnit, NpgsqlDbType.Text).ConfigureAwait(false);
                    await copy.WriteAsync(batchId, NpgsqlDbType.Text).ConfigureAwait(false);
                    await copy.WriteNullAsync().ConfigureAwait(false);
                }

                copied += (long)await copy.CompleteAsync().ConfigureAwait(false);
            }

            await transaction.CommitAsync().ConfigureAwait(false);
        }

        return copied;
    }
}
