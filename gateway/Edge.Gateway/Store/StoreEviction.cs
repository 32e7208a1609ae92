using Microsoft.Data.Sqlite;

namespace Edge.Gateway.Store;

/// <summary>
/// Keeps the store within <see cref="StoreOptions.MaxBytes"/> (gateway promise 3), inside the transaction that
/// just inserted rows, so rows and evictions commit together. While the estimate is over the limit it evicts:
/// first from the lowest class that holds more than its <see cref="StoreClassOptions.Share"/>; else from the
/// lowest class that has waiting rows; alarms only when nothing else waits. Within a class the oldest
/// (observed) go first. Rows assigned to a batch are not evicted (that batch may be acknowledged at any
/// moment), so the store may stay over the limit by what is in flight (at most MaxPendingBatches batches).
/// </summary>
internal static class StoreEviction
{
    private const int ChunkRows = 512;
    private static readonly DataClass[] _lowestFirst = [DataClass.Backfill, DataClass.Reading, DataClass.Status, DataClass.Alarm];

    /// <summary>Evicts until the store is within its limit or nothing evictable is left.</summary>
    public static DropResult Trim(SqliteConnection connection, SqliteTransaction tx, StoreOptions options, long nowUnixMs)
    {
        var result = new DropResult();
        var usage = Usage(connection, tx);
        var total = usage.Sum();
        var exhausted = new bool[usage.Length];
        while (total > options.MaxBytes)
        {
            var victim = Victim(usage, exhausted, options, out var overShare);
            if (victim is null)
            {
                break;
            }

            var c = victim.Value;
            var wanted = total - options.MaxBytes;
            if (overShare > 0)
            {
                wanted = Math.Min(wanted, overShare);
            }

            var reason = DroppedRows.Reason("store-full", c);
            var freed = 0L;
            foreach (var table in DroppedRows.Tables)
            {
                if (freed >= wanted)
                {
                    break;
                }

                var (rows, bytes) = DroppedRows.DeleteOldest(connection, tx, table, c, "1 = $value", 1, wanted - freed, ChunkRows, reason, nowUnixMs);
                result = result.Add(table.Table, rows);
                freed += bytes;
            }

            if (freed == 0)
            {
                exhausted[(int)c] = true;
            }

            usage[(int)c] -= freed;
            total -= freed;
        }

        return result;
    }

    /// <summary>Estimated bytes per class (index = class), as the usage table holds them (<see cref="StoreUsage"/>).</summary>
    public static long[] Usage(SqliteConnection connection, SqliteTransaction? tx)
    {
        var usage = new long[4];
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = "SELECT class, bytes FROM usage";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var c = reader.GetInt32(0);
            if (c is >= 0 and < 4)
            {
                usage[c] = reader.GetInt64(1);
            }
        }

        return usage;
    }

    private static DataClass? Victim(long[] usage, bool[] exhausted, StoreOptions options, out long overShare)
    {
        foreach (var c in _lowestFirst.SkipLast(1))
        {
            // Alarms may use the whole store: they have no share to be over.
            var share = options.For(c).Share;
            var over = usage[(int)c] - (long)(share * options.MaxBytes);
            if (over > 0 && !exhausted[(int)c])
            {
                overShare = over;
                return c;
            }
        }

        overShare = 0;
        foreach (var c in _lowestFirst)
        {
            if (usage[(int)c] > 0 && !exhausted[(int)c])
            {
                return c;
            }
        }

        return null;
    }
}
