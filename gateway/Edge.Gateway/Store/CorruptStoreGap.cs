using Edge.Uplink;
using Microsoft.Data.Sqlite;

namespace Edge.Gateway.Store;

/// <summary>
/// The gap record for a store that was moved aside as corrupt (reason <c>store-corrupt</c>): the devices, span
/// and count of readings read from the old file as far as it is still readable; when it is not, no devices and
/// a span of the file's last write time, count 0 (unknown), so the cloud still learns that data were lost.
/// </summary>
internal static class CorruptStoreGap
{
    public const string Reason = "store-corrupt";

    /// <summary>Reads what the corrupt file at <paramref name="asidePath"/> still tells.</summary>
    public static GapRecord Read(string asidePath)
    {
        try
        {
            var connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = asidePath,
                Mode = SqliteOpenMode.ReadOnly,
                Pooling = false,
            }.ToString();
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            // NOT INDEXED: read the table itself, so a broken index does not hide the readings.
            command.CommandText = "SELECT device, min(observed_ms), max(observed_ms), count(*) FROM readings NOT INDEXED GROUP BY device ORDER BY device";
            using var reader = command.ExecuteReader();
            var devices = new List<string>();
            long from = long.MaxValue, to = long.MinValue, count = 0;
            while (reader.Read())
            {
                devices.Add(reader.GetString(0));
                from = Math.Min(from, reader.GetInt64(1));
                to = Math.Max(to, reader.GetInt64(2));
                count += reader.GetInt64(3);
            }

            if (devices.Count > 0)
            {
                return new GapRecord(devices, from, to, count, Reason);
            }
        }
        catch (SqliteException)
        {
            // Not readable (or not even a database): fall back to what the file system knows.
        }

        var written = new DateTimeOffset(File.GetLastWriteTimeUtc(asidePath)).ToUnixTimeMilliseconds();
        return new GapRecord([], written, written, 0, Reason);
    }
}
