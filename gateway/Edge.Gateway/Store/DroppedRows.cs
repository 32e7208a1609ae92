using Microsoft.Data.Sqlite;

namespace Edge.Gateway.Store;

/// <summary>
/// Deletes waiting rows of one class from readings or events and writes one gap record per device for them,
/// in the caller's transaction, with the usage totals lowered by what was deleted. Used by eviction (store full) and expiry (TTL). Rows already assigned to a
/// batch are never touched: that batch may be acknowledged at any moment.
/// </summary>
internal static class DroppedRows
{
    /// <summary>The table name and its per-row byte estimate.</summary>
    public static (string Table, string Bytes)[] Tables { get; } =
    [
        ("readings", StoreSchema.ReadingBytes("t")),
        ("events", StoreSchema.EventBytes("t")),
    ];

    /// <summary>
    /// Deletes the oldest waiting rows (by observed time) of <paramref name="dataClass"/> in
    /// <paramref name="table"/> that match <paramref name="filter"/>, until at least <paramref name="bytesWanted"/>
    /// estimated bytes or <paramref name="maxRows"/> rows are gone. Returns (rows, bytes) deleted.
    /// </summary>
    public static (int Rows, long Bytes) DeleteOldest(
        SqliteConnection connection, SqliteTransaction tx, (string Table, string Bytes) table, DataClass dataClass,
        string filter, long filterValue, long bytesWanted, int maxRows, string reason, long nowUnixMs)
    {
        var victims = new List<(long Id, string Device, long Observed, long Bytes)>();
        long bytes = 0;
        using (var select = connection.CreateCommand())
        {
            select.Transaction = tx;
            select.CommandText = $"""
                SELECT t.id, t.device, t.observed_ms, {table.Bytes} FROM {table.Table} t
                WHERE t.class = $class AND t.batch_seq IS NULL AND {filter}
                ORDER BY t.observed_ms, t.id LIMIT $limit
                """;
            select.Parameters.AddWithValue("$class", (int)dataClass);
            select.Parameters.AddWithValue("$value", filterValue);
            select.Parameters.AddWithValue("$limit", maxRows);
            using var reader = select.ExecuteReader();
            while (bytes < bytesWanted && reader.Read())
            {
                victims.Add((reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3)));
                bytes += reader.GetInt64(3);
            }
        }

        if (victims.Count == 0)
        {
            return (0, 0);
        }

        var usage = new StoreUsage();
        using (var delete = connection.CreateCommand())
        {
            delete.Transaction = tx;
            delete.CommandText = $"DELETE FROM {table.Table} WHERE id = $id";
            var id = delete.Parameters.Add("$id", SqliteType.Integer);
            delete.Prepare();
            foreach (var victim in victims)
            {
                id.Value = victim.Id;
                if (delete.ExecuteNonQuery() == 1)
                {
                    usage.Add(dataClass, -victim.Bytes);
                }
            }
        }

        usage.Apply(connection, tx);
        foreach (var device in victims.GroupBy(v => v.Device, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            GapLog.Add(connection, tx, [device.Key], device.Min(v => v.Observed), device.Max(v => v.Observed), device.Count(), reason, nowUnixMs);
        }

        return (victims.Count, bytes);
    }

    /// <summary>The reason text of a gap: <c>store-full:reading</c>, <c>ttl:alarm</c>, ...</summary>
    public static string Reason(string why, DataClass dataClass) => why + ":" + dataClass switch
    {
        DataClass.Alarm => "alarm",
        DataClass.Status => "status",
        DataClass.Reading => "reading",
        _ => "backfill",
    };
}
