using Microsoft.Data.Sqlite;

namespace Edge.Gateway.Tests.Support;

/// <summary>Reads the gateway's SQLite file through a connection of its own, as an outside observer would.</summary>
internal static class StoreFile
{
    public sealed record Row(string Device, long Seq, string Channel, string Unit, long Mantissa, int Scale, long ObservedMs, int ClockQuality, int Flags, int Class, long? BatchSeq);

    public static List<Row> Rows(string dbPath)
    {
        if (!File.Exists(dbPath))
        {
            return [];
        }

        using var connection = Open(dbPath);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT device, seq, channel, unit, mantissa, scale, observed_ms, clock_quality, flags, class, batch_seq FROM readings ORDER BY device, seq";
        using var r = command.ExecuteReader();
        var rows = new List<Row>();
        while (r.Read())
        {
            rows.Add(new Row(r.GetString(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetInt64(4), r.GetInt32(5), r.GetInt64(6), r.GetInt32(7), r.GetInt32(8), r.GetInt32(9), r.IsDBNull(10) ? null : r.GetInt64(10)));
        }

        return rows;
    }

    public sealed record EventRow(string Device, long Seq, long ObservedMs, string Kind, int Class);

    /// <summary>The events table in insertion order.</summary>
    public static List<EventRow> Events(string dbPath)
    {
        if (!File.Exists(dbPath))
        {
            return [];
        }

        using var connection = Open(dbPath);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT device, seq, observed_ms, kind, class FROM events ORDER BY id";
        using var r = command.ExecuteReader();
        var events = new List<EventRow>();
        while (r.Read())
        {
            events.Add(new EventRow(r.GetString(0), r.GetInt64(1), r.GetInt64(2), r.GetString(3), r.GetInt32(4)));
        }

        return events;
    }

    public static long Scalar(string dbPath, string sql)
    {
        using var connection = Open(dbPath);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The first column of every row of <paramref name="sql"/>.</summary>
    public static List<long> Scalars(string dbPath, string sql)
    {
        using var connection = Open(dbPath);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<long>();
        while (reader.Read())
        {
            values.Add(reader.GetInt64(0));
        }

        return values;
    }

    /// <summary>The first column of every row of <paramref name="sql"/>, as text.</summary>
    public static List<string> Texts(string dbPath, string sql)
    {
        using var connection = Open(dbPath);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static SqliteConnection Open(string dbPath)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = dbPath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
