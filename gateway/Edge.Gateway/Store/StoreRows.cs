using Edge.Uplink;
using Microsoft.Data.Sqlite;

namespace Edge.Gateway.Store;

/// <summary>Column lists and readers shared by every query that reads whole rows.</summary>
internal static class StoreRows
{
    public const string ReadingColumns = "device, seq, channel, unit, mantissa, scale, observed_ms, clock_quality, flags, received_ms, class, device_ms";
    public const string EventColumns = "device, seq, observed_ms, kind, detail, received_ms, class";
    public const string GapColumns = "devices, from_ms, to_ms, count, reason";

    public static ReadingRecord Reading(SqliteDataReader r, int o) => new(
        r.GetString(o), r.GetInt64(o + 1), r.GetString(o + 2), r.GetString(o + 3), r.GetInt64(o + 4), r.GetInt32(o + 5),
        r.GetInt64(o + 6), (ClockQuality)r.GetInt32(o + 7), r.GetInt32(o + 8), r.GetInt64(o + 9), (DataClass)r.GetInt32(o + 10),
        r.IsDBNull(o + 11) ? null : r.GetInt64(o + 11));

    public static EventRecord Event(SqliteDataReader r, int o) => new(
        r.GetString(o), r.GetInt64(o + 1), r.GetInt64(o + 2), r.GetString(o + 3), r.IsDBNull(o + 4) ? null : r.GetString(o + 4),
        r.GetInt64(o + 5), (DataClass)r.GetInt32(o + 6));

    public static GapRecord Gap(SqliteDataReader r, int o) => new(
        GapLog.Devices(r.GetString(o)), r.GetInt64(o + 1), r.GetInt64(o + 2), r.GetInt64(o + 3), r.GetString(o + 4));

    /// <summary>Runs <paramref name="sql"/> and maps every row.</summary>
    public static List<T> Query<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> map, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }
}
