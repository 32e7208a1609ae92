using Edge.Ingest.Normalisation;
using Npgsql;
using NpgsqlTypes;

namespace Edge.Ingest.Storage.Postgres;

/// <summary>
/// The bulk path. A batch first claims the keys of its readings in <c>reading_blocks</c> (see
/// <see cref="PostgresSchema"/>, version 4): one row per device and block of 64 seqs, a bit per seq, so a day of hourly
/// readings of 1,000 meters claims about 1,000 rows instead of 24,000 keys. Then the readings whose keys it claimed go
/// by binary COPY straight into <c>readings</c>.
/// <list type="bullet">
/// <item>Fast path (every reading new, the normal case): one <c>INSERT ... ON CONFLICT DO UPDATE SET bits = bits | new
/// WHERE bits &amp; new = 0</c>. When it inserts or updates every block, every key was new.</item>
/// <item>Otherwise a key is known (or a concurrent batch just claimed it): the transaction is rolled back and the
/// batch claims again on the careful path: make sure every block row exists, lock them in key order
/// (<c>SELECT ... FOR UPDATE</c>, which under read committed sees the latest committed bits), claim the bits that are
/// still free, and store only the readings of those bits.</item>
/// </list>
/// </summary>
public sealed partial class PostgresIngestStore
{
    private const string ClaimNewBlocksSql = """
        INSERT INTO reading_blocks AS k (device_id, block, bits)
        SELECT u.device_id, u.block, u.bits FROM unnest($1::text[], $2::bigint[], $3::bigint[]) AS u(device_id, block, bits)
        ORDER BY u.device_id, u.block
        ON CONFLICT (device_id, block) DO UPDATE SET bits = k.bits | excluded.bits WHERE k.bits & excluded.bits = 0
        """;

    // The careful path, in one round trip: the rows that do not exist yet are inserted empty (waiting for a concurrent
    // insert of the same block to end), then every row is locked in key order and read.
    private const string EnsureBlocksSql = """
        INSERT INTO reading_blocks (device_id, block, bits)
        SELECT u.device_id, u.block, 0 FROM unnest($1::text[], $2::bigint[]) AS u(device_id, block)
        ORDER BY u.device_id, u.block
        ON CONFLICT DO NOTHING
        """;

    private const string LockBlocksSql = """
        SELECT k.bits FROM unnest($1::text[], $2::bigint[]) WITH ORDINALITY AS u(device_id, block, n)
        JOIN reading_blocks k ON k.device_id = u.device_id AND k.block = u.block
        ORDER BY u.n
        FOR UPDATE OF k
        """;

    private const string AddBitsSql = """
        UPDATE reading_blocks k SET bits = k.bits | u.bits
        FROM unnest($1::text[], $2::bigint[], $3::bigint[]) AS u(device_id, block, bits)
        WHERE k.device_id = u.device_id AND k.block = u.block
        """;

    /// <summary>Thrown on the fast path when a block already holds a key of the batch; the transaction is retried carefully.</summary>
    private sealed class KnownKeyException : Exception;

    /// <summary>The block of <paramref name="seq"/> (64 seqs each, negative seqs included) and its bit in the block.</summary>
    internal static (long Block, long Bit) BlockOf(long seq) => (seq >> 6, 1L << (int)(seq & 63));

    // Claims the keys of readings (unique, in key order) and writes the readings of the keys claimed; returns how many.
    private static async Task<int> WriteReadingsAsync(
        NpgsqlConnection db, NpgsqlTransaction transaction, BatchWrite batch, IReadOnlyList<NormalisedReading> readings,
        bool fast, CancellationToken cancellationToken)
    {
        var blocks = Blocks(readings);
        if (fast)
        {
            await using var claim = new NpgsqlCommand(ClaimNewBlocksSql, db, transaction);
            AddBlockParameters(claim.Parameters, blocks, withBits: true);
            if (await claim.ExecuteNonQueryAsync(cancellationToken) != blocks.Ids.Length)
            {
                throw new KnownKeyException();
            }

            return await CopyReadingsAsync(db, batch, readings, cancellationToken);
        }

        var existing = new long[blocks.Ids.Length];
        await using (var lockBlocks = new NpgsqlBatch(db, transaction))
        {
            var ensure = new NpgsqlBatchCommand(EnsureBlocksSql);
            AddBlockParameters(ensure.Parameters, blocks, withBits: false);
            var select = new NpgsqlBatchCommand(LockBlocksSql);
            AddBlockParameters(select.Parameters, blocks, withBits: false);
            lockBlocks.BatchCommands.Add(ensure);
            lockBlocks.BatchCommands.Add(select);
            await using var reader = await lockBlocks.ExecuteReaderAsync(cancellationToken);
            var i = 0;
            do
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    existing[i++] = reader.GetInt64(0);
                }
            }
            while (await reader.NextResultAsync(cancellationToken));
            if (i != existing.Length)
            {
                throw new InvalidOperationException($"Locked {i} of {existing.Length} reading blocks.");
            }
        }

        // What is still free is ours; readings of bits already taken are duplicates.
        var claimed = new long[blocks.Ids.Length];
        for (var i = 0; i < claimed.Length; i++)
        {
            claimed[i] = blocks.Bits[i] & ~existing[i];
        }

        var changed = Enumerable.Range(0, claimed.Length).Where(i => claimed[i] != 0).ToList();
        if (changed.Count > 0)
        {
            await using var add = new NpgsqlCommand(AddBitsSql, db, transaction);
            AddBlockParameters(
                add.Parameters,
                new BlockSet([.. changed.Select(i => blocks.Ids[i])], [.. changed.Select(i => blocks.Blocks[i])], [.. changed.Select(i => claimed[i])]),
                withBits: true);
            await add.ExecuteNonQueryAsync(cancellationToken);
        }

        var fresh = new List<NormalisedReading>(readings.Count);
        var b = -1;
        foreach (var r in readings)
        {
            var (block, bit) = BlockOf(r.Seq);
            while (b < 0 || !string.Equals(blocks.Ids[b], r.DeviceId, StringComparison.Ordinal) || blocks.Blocks[b] != block)
            {
                b++;
            }

            if ((claimed[b] & bit) != 0)
            {
                fresh.Add(r);
            }
        }

        return fresh.Count == 0 ? 0 : await CopyReadingsAsync(db, batch, fresh, cancellationToken);
    }

    // Readings in key order, so a block's seqs are next to each other.
    private static BlockSet Blocks(IReadOnlyList<NormalisedReading> readings)
    {
        var ids = new List<string>();
        var blocks = new List<long>();
        var bits = new List<long>();
        foreach (var r in readings)
        {
            var (block, bit) = BlockOf(r.Seq);
            if (ids.Count > 0 && blocks[^1] == block && string.Equals(ids[^1], r.DeviceId, StringComparison.Ordinal))
            {
                bits[^1] |= bit;
            }
            else
            {
                ids.Add(r.DeviceId);
                blocks.Add(block);
                bits.Add(bit);
            }
        }

        return new BlockSet([.. ids], [.. blocks], [.. bits]);
    }

    private static void AddBlockParameters(NpgsqlParameterCollection parameters, BlockSet blocks, bool withBits)
    {
        parameters.Add(new NpgsqlParameter<string[]> { TypedValue = blocks.Ids });
        parameters.Add(new NpgsqlParameter<long[]> { TypedValue = blocks.Blocks });
        if (withBits)
        {
            parameters.Add(new NpgsqlParameter<long[]> { TypedValue = blocks.Bits });
        }
    }

    // Rows are written with the synchronous Write: the values go into the connection's write buffer (sized for it, see
    // the constructor), which is sent when full. Opening and completing the COPY stay asynchronous.
    private static async Task<int> CopyReadingsAsync(
        NpgsqlConnection db, BatchWrite batch, IReadOnlyList<NormalisedReading> readings, CancellationToken cancellationToken)
    {
        await using var copy = await db.BeginBinaryImportAsync("""
            COPY readings (device_id, seq, channel, observed_unix_ms, received_unix_ms, clock_quality, flags, value,
                unit, unit_code, raw_mantissa, raw_scale, raw_unit, batch_id, device_unix_ms, quarantined) FROM STDIN (FORMAT BINARY)
            """, cancellationToken);
        foreach (var r in readings)
        {
            copy.StartRow();
            copy.Write(r.DeviceId, NpgsqlDbType.Text);
            copy.Write(r.Seq, NpgsqlDbType.Bigint);
            copy.Write(r.Channel, NpgsqlDbType.Text);
            copy.Write(r.ObservedUnixMs, NpgsqlDbType.Bigint);
            copy.Write(batch.ReceivedUnixMs, NpgsqlDbType.Bigint);
            copy.Write(r.ClockQuality, NpgsqlDbType.Text);
            copy.Write(r.Flags, NpgsqlDbType.Integer);
            copy.Write(r.Value, NpgsqlDbType.Double);
            copy.Write(r.Unit, NpgsqlDbType.Text);
            copy.Write(r.UnitCode, NpgsqlDbType.Text);
            copy.Write(r.RawMantissa, NpgsqlDbType.Bigint);
            copy.Write(r.RawScale, NpgsqlDbType.Integer);
            copy.Write(r.RawUnit, NpgsqlDbType.Text);
            copy.Write(batch.BatchId, NpgsqlDbType.Text);
            if (r.DeviceUnixMs is { } deviceMs)
            {
                copy.Write(deviceMs, NpgsqlDbType.Bigint);
            }
            else
            {
                copy.WriteNull();
            }

            copy.Write(r.Quarantined, NpgsqlDbType.Boolean);
        }

        return (int)await copy.CompleteAsync(cancellationToken);
    }

    /// <summary>The blocks of a batch's readings: device, block number and the bits of the batch's seqs in it.</summary>
    private sealed record BlockSet(string[] Ids, long[] Blocks, long[] Bits);
}
