using Microsoft.Data.Sqlite;

namespace Edge.Gateway.Store;

/// <summary>Inserts a frame's events in the caller's transaction; UNIQUE(device, seq, kind) drops repeats.</summary>
internal static class EventInserter
{
    /// <summary>Returns the events newly stored; <paramref name="alarm"/> tells whether one of them is an alarm.</summary>
    public static int Insert(SqliteConnection connection, SqliteTransaction tx, IReadOnlyList<EventRecord> events, out bool alarm)
    {
        alarm = false;
        if (events.Count == 0)
        {
            return 0;
        }

        using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = """
            INSERT OR IGNORE INTO events (device, seq, observed_ms, kind, detail, received_ms, class, batch_seq)
            VALUES ($device, $seq, $observed, $kind, $detail, $received, $class, NULL)
            """;
        var device = insert.Parameters.Add("$device", SqliteType.Text);
        var seq = insert.Parameters.Add("$seq", SqliteType.Integer);
        var observed = insert.Parameters.Add("$observed", SqliteType.Integer);
        var kind = insert.Parameters.Add("$kind", SqliteType.Text);
        var detail = insert.Parameters.Add("$detail", SqliteType.Text);
        var received = insert.Parameters.Add("$received", SqliteType.Integer);
        var dataClass = insert.Parameters.Add("$class", SqliteType.Integer);
        insert.Prepare();
        var stored = 0;
        foreach (var e in events)
        {
            device.Value = e.Device;
            seq.Value = e.Seq;
            observed.Value = e.ObservedUnixMs;
            kind.Value = e.Kind;
            detail.Value = (object?)e.Detail ?? DBNull.Value;
            received.Value = e.ReceivedUnixMs;
            dataClass.Value = (int)e.Class;
            var added = insert.ExecuteNonQuery();
            stored += added;
            alarm |= added == 1 && e.Class == DataClass.Alarm;
        }

        return stored;
    }
}
