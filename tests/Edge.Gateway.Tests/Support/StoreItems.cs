using Edge.Gateway.Store;
using Edge.Uplink;

namespace Edge.Gateway.Tests.Support;

/// <summary>Rows for store tests, and their size by the documented estimate (gateway/Edge.Gateway/README.md).</summary>
internal static class StoreItems
{
    public const long Base = 1_764_028_800_000;
    public const long Hour = 3_600_000;

    public static ReadingRecord Reading(string device, long seq, long observed, DataClass dataClass = DataClass.Reading, long? received = null) =>
        new(device, seq, "volume", "l", seq * 10, 0, observed, ClockQuality.Ntp, 0, received ?? observed, dataClass);

    public static EventRecord Alarm(string device, long seq, long observed, long? received = null) =>
        new(device, seq, observed, "tamper", $"seq {seq}", received ?? observed, DataClass.Alarm);

    /// <summary>96 + 2 × device + channel + unit (UTF-8 bytes).</summary>
    public static long Bytes(ReadingRecord r) => 96 + (2 * r.Device.Length) + r.Channel.Length + r.Unit.Length;

    /// <summary>64 + 2 × device + kind + detail (UTF-8 bytes).</summary>
    public static long Bytes(EventRecord e) => 64 + (2 * e.Device.Length) + e.Kind.Length + (e.Detail?.Length ?? 0);

    /// <summary>Waiting gap records as (devices joined, from, to, count, reason), in row order.</summary>
    public static List<(string Devices, long From, long To, long Count, string Reason)> Gaps(string dbPath)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={dbPath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT devices, from_ms, to_ms, count, reason FROM gaps ORDER BY id";
        using var r = command.ExecuteReader();
        var gaps = new List<(string, long, long, long, string)>();
        while (r.Read())
        {
            gaps.Add((string.Join(",", System.Text.Json.JsonSerializer.Deserialize<string[]>(r.GetString(0))!), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetString(4)));
        }

        return gaps;
    }
}
