using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Edge.Gateway.Store;

/// <summary>
/// Writes gap records (DESIGN.md, "Data that flows") into the store, inside the caller's transaction, so a
/// gap is committed together with the deletion it reports. A one-device gap is merged into the device's
/// waiting (not yet batched) gap with the same reason: its span widens and its count grows. So gap rows stay
/// few (at most devices × reasons waiting) however often a full store evicts, and a batched gap never changes.
/// </summary>
internal static class GapLog
{
    /// <summary>Records that <paramref name="count"/> items of the devices, observed in [from, to], were dropped.</summary>
    public static void Add(SqliteConnection connection, SqliteTransaction tx, IReadOnlyList<string> devices, long fromUnixMs, long toUnixMs, long count, string reason, long nowUnixMs)
    {
        var key = devices.Count == 1 ? devices[0] : null;
        if (key is not null)
        {
            using var merge = connection.CreateCommand();
            merge.Transaction = tx;
            merge.CommandText = """
                UPDATE gaps SET from_ms = min(from_ms, $from), to_ms = max(to_ms, $to), count = count + $count
                WHERE id = (SELECT id FROM gaps WHERE device_key = $key AND reason = $reason AND batch_seq IS NULL LIMIT 1)
                """;
            AddParameters(merge, fromUnixMs, toUnixMs, count, reason);
            merge.Parameters.AddWithValue("$key", key);
            if (merge.ExecuteNonQuery() == 1)
            {
                return;
            }
        }

        using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = """
            INSERT INTO gaps (devices, device_key, from_ms, to_ms, count, reason, created_ms, batch_seq)
            VALUES ($devices, $key, $from, $to, $count, $reason, $created, NULL)
            """;
        AddParameters(insert, fromUnixMs, toUnixMs, count, reason);
        insert.Parameters.AddWithValue("$devices", JsonSerializer.Serialize(devices));
        insert.Parameters.AddWithValue("$key", (object?)key ?? DBNull.Value);
        insert.Parameters.AddWithValue("$created", nowUnixMs);
        insert.ExecuteNonQuery();
    }

    /// <summary>The device ids stored in a gap row's <c>devices</c> column.</summary>
    public static string[] Devices(string json) => JsonSerializer.Deserialize<string[]>(json) ?? [];

    private static void AddParameters(SqliteCommand command, long from, long to, long count, string reason)
    {
        command.Parameters.AddWithValue("$from", from);
        command.Parameters.AddWithValue("$to", to);
        command.Parameters.AddWithValue("$count", count);
        command.Parameters.AddWithValue("$reason", reason);
    }
}
