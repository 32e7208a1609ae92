using Microsoft.Data.Sqlite;

namespace Edge.Gateway.Store;

/// <summary>
/// Inserts events in the caller's transaction with one prepared <c>INSERT OR IGNORE</c> (prepared once, on the
/// first event, and reused); UNIQUE(device, seq, kind) drops repeats. Counts the estimate of every event it
/// actually stored into a <see cref="StoreUsage"/>.
/// </summary>
internal sealed class EventInserter(SqliteConnection connection, SqliteTransaction tx) : IDisposable
{
    private SqliteCommand? _insert;

    /// <summary>Returns the events newly stored; <paramref name="alarm"/> tells whether one of them is an alarm.</summary>
    public int Insert(IReadOnlyList<EventRecord> events, StoreUsage usage, out bool alarm)
    {
        alarm = false;
        if (events.Count == 0)
        {
            return 0;
        }

        var insert = _insert ??= Prepare();
        var p = insert.Parameters;
        var stored = 0;
        foreach (var e in events)
        {
            p[0].Value = e.Device;
            p[1].Value = e.Seq;
            p[2].Value = e.ObservedUnixMs;
            p[3].Value = e.Kind;
            p[4].Value = (object?)e.Detail ?? DBNull.Value;
            p[5].Value = e.ReceivedUnixMs;
            p[6].Value = (int)e.Class;
            if (insert.ExecuteNonQuery() == 1)
            {
                stored++;
                usage.Add(e.Class, StoreUsage.EventBytes(e));
                alarm |= e.Class == DataClass.Alarm;
            }
        }

        return stored;
    }

    public void Dispose() => _insert?.Dispose();

    private SqliteCommand Prepare()
    {
        var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = """
            INSERT OR IGNORE INTO events (device, seq, observed_ms, kind, detail, received_ms, class, batch_seq)
            VALUES ($device, $seq, $observed, $kind, $detail, $received, $class, NULL)
            """;
        insert.Parameters.Add("$device", SqliteType.Text);
        insert.Parameters.Add("$seq", SqliteType.Integer);
        insert.Parameters.Add("$observed", SqliteType.Integer);
        insert.Parameters.Add("$kind", SqliteType.Text);
        insert.Parameters.Add("$detail", SqliteType.Text);
        insert.Parameters.Add("$received", SqliteType.Integer);
        insert.Parameters.Add("$class", SqliteType.Integer);
        insert.Prepare();
        return insert;
    }
}
