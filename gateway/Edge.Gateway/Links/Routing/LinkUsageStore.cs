using Edge.Gateway.Store;
using Microsoft.Data.Sqlite;

namespace Edge.Gateway.Links.Routing;

/// <summary>
/// Per link, the wire bytes of the current budget day and month, in the gateway's SQLite store (table
/// <c>link_usage</c>, created when missing), so a reboot does not give the link a fresh budget. A charge and a
/// period change are one statement each; a new period starts at 0 when its start differs from the stored one.
/// </summary>
internal sealed class LinkUsageStore(GatewayDatabase database)
{
    private const string Ddl = """
        CREATE TABLE IF NOT EXISTS link_usage (
            link           TEXT    PRIMARY KEY,
            day_start_ms   INTEGER NOT NULL,
            day_bytes      INTEGER NOT NULL,
            month_start_ms INTEGER NOT NULL,
            month_bytes    INTEGER NOT NULL,
            total_bytes    INTEGER NOT NULL
        );
        """;

    private readonly Lock _lock = new();
    private bool _ready;

    /// <summary>The link's usage in the periods starting at <paramref name="dayStart"/> and <paramref name="monthStart"/>.</summary>
    public LinkUsage Read(string link, DateTimeOffset dayStart, DateTimeOffset monthStart) => Charge(link, 0, dayStart, monthStart);

    /// <summary>Adds <paramref name="bytes"/> to the link's periods (starting them afresh when they changed) and returns the new usage.</summary>
    public LinkUsage Charge(string link, long bytes, DateTimeOffset dayStart, DateTimeOffset monthStart)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO link_usage (link, day_start_ms, day_bytes, month_start_ms, month_bytes, total_bytes)
                VALUES ($link, $day, $bytes, $month, $bytes, $bytes)
            ON CONFLICT (link) DO UPDATE SET
                day_bytes = CASE WHEN day_start_ms = $day THEN day_bytes + $bytes ELSE $bytes END,
                day_start_ms = $day,
                month_bytes = CASE WHEN month_start_ms = $month THEN month_bytes + $bytes ELSE $bytes END,
                month_start_ms = $month,
                total_bytes = total_bytes + $bytes
            RETURNING day_bytes, month_bytes, total_bytes;
            """;
        command.Parameters.AddWithValue("$link", link);
        command.Parameters.AddWithValue("$day", dayStart.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$month", monthStart.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$bytes", bytes);
        using var reader = command.ExecuteReader();
        reader.Read();
        return new LinkUsage(dayStart, reader.GetInt64(0), monthStart, reader.GetInt64(1), reader.GetInt64(2));
    }

    private SqliteConnection Open()
    {
        lock (_lock)
        {
            if (!_ready)
            {
                database.Initialize();
            }
        }

        var connection = database.Open();
        lock (_lock)
        {
            if (!_ready)
            {
                using var create = connection.CreateCommand();
                create.CommandText = Ddl;
                create.ExecuteNonQuery();
                _ready = true;
            }
        }

        return connection;
    }
}
