using Edge.Gateway.Diagnostics;
using Edge.Gateway.Hosting;
using Microsoft.Extensions.Options;

namespace Edge.Gateway.Store;

/// <summary>
/// Removes waiting readings and events that were received longer ago than their class's
/// <see cref="StoreClassOptions.TtlDays"/>, writing a gap record (<c>ttl:&lt;class&gt;</c>) per device in the
/// same transaction. Rows assigned to a batch are kept: that batch may be acknowledged at any moment.
/// Work is done in chunks of bounded transactions, so a large expiry does not block frames for long.
/// </summary>
internal sealed class StoreExpiry(GatewayDatabase database, IOptions<GatewayOptions> options, GatewayCounters counters)
{
    private const int ChunkRows = 2000;

    /// <summary>Expires everything due at <paramref name="nowUnixMs"/>; returns what was removed.</summary>
    public DropResult Expire(long nowUnixMs)
    {
        var total = new DropResult();
        using var connection = database.Open();
        foreach (var dataClass in Enum.GetValues<DataClass>())
        {
            var ttl = TimeSpan.FromDays(options.Value.Store.For(dataClass).TtlDays);
            var cutoff = nowUnixMs - (long)ttl.TotalMilliseconds;
            var reason = DroppedRows.Reason("ttl", dataClass);
            foreach (var table in DroppedRows.Tables)
            {
                int rows;
                do
                {
                    using var tx = connection.BeginTransaction(deferred: false);
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
}
