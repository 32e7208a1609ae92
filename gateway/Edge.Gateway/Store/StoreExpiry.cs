using Edge.Gateway.Diagnostics;
using Edge.Gateway.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Edge.Gateway.Store;

/// <summary>
/// Removes waiting readings and events that were received longer ago than their class's
/// <see cref="StoreClassOptions.TtlDays"/>, writing a gap record (<c>ttl:&lt;class&gt;</c>) per device in the
/// same transaction. Rows assigned to a batch are kept: that batch may be acknowledged at any moment.
/// Work is done in chunks of bounded transactions, so a large expiry does not block frames for long.
/// </summary>
internal sealed class StoreExpiry(GatewayDatabase database, IOptions<GatewayOptions> options, GatewayCounters counters, StoreLimits? limits = null)
{
    private const int ChunkRows = 2000;

    /// <summary>Expires everything due at <paramref name="nowUnixMs"/>; returns what was removed.</summary>
    public DropResult Expire(long nowUnixMs)
    {
        var total = new DropResult();
        using var connection = database.Open();
        var store = limits?.Current ?? options.Value.Store;
        foreach (var dataClass in Enum.GetValues<DataClass>())
        {
            var ttl = TimeSpan.FromDays(store.For(dataClass).TtlDays);
            var cutoff = nowUnixMs - (long)ttl.TotalMilliseconds;
            var reason = DroppedRows.Reason("ttl", dataClass);
            foreach (var table in DroppedRows.Tables)
            {
                int rows;
                do
                {
                    using var tx = connection.BeginTransaction(deferred: false);
                    if (!AnyDue(connection, tx, table.Table, dataClass, cutoff))
                    {
                        break;
                    }

                    (rows, _) = DroppedRows.DeleteOldest(connection, tx, table, dataClass, "t.received_ms < $value", cutoff, long.MaxValue, ChunkRows, reason, nowUnixMs);
                    tx.Commit();
                    var dropped = new DropResult().Add(table.Table, rows);
                    counters.Expired(dropped.Readings, dropped.Events);
                    total += dropped;
                }
                while (rows == ChunkRows);
            }
        }

        return total;
    }

    /// <summary>
    /// Whether a waiting row of the class was received before the cutoff: one seek in the *_pending_age index,
    /// so an expiry with nothing due does not walk every waiting row in observed order.
    /// </summary>
    private static bool AnyDue(SqliteConnection connection, SqliteTransaction tx, string table, DataClass dataClass, long cutoff)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = $"SELECT EXISTS (SELECT 1 FROM {table} WHERE class = $class AND batch_seq IS NULL AND received_ms < $cutoff)";
        command.Parameters.AddWithValue("$class", (int)dataClass);
        command.Parameters.AddWithValue("$cutoff", cutoff);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) != 0;
    }
}
