using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Edge.Gateway.Store;

/// <summary>
/// Start-up check of the store file: <c>PRAGMA quick_check</c>; a file that fails it (or that SQLite calls
/// corrupt or not a database) is renamed with a timestamp, together with its WAL and shared-memory files,
/// so a fresh store can start and the old file stays available for forensics.
/// </summary>
internal static partial class StoreRecovery
{
    // SQLite primary result codes (sqlite.org/rescode.html): SQLITE_CORRUPT and SQLITE_NOTADB.
    private const int SqliteCorrupt = 11;
    private const int SqliteNotADatabase = 26;

    private static readonly string[] _companions = ["-wal", "-shm", "-journal"];

    /// <summary>Returns the path the file was moved to, or null when it was healthy or absent.</summary>
    public static string? CheckOrMoveAside(string path, string connectionString, TimeProvider time, ILogger logger)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var problem = Check(connectionString);
        if (problem is null)
        {
            return null;
        }

        var stamp = time.GetUtcNow().ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture);
        var directory = Path.GetDirectoryName(path)!;
        var aside = Path.Combine(directory, $"{Path.GetFileNameWithoutExtension(path)}.corrupt-{stamp}{Path.GetExtension(path)}");
        File.Move(path, aside);
        foreach (var suffix in _companions)
        {
            if (File.Exists(path + suffix))
            {
                File.Move(path + suffix, aside + suffix);
            }
        }

        LogMovedAside(logger, path, problem, aside);
        return aside;
    }

    private static string? Check(string connectionString)
    {
        try
        {
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA quick_check";
            using var reader = check.ExecuteReader();
            var lines = new List<string>();
            while (reader.Read() && lines.Count < 5)
            {
                lines.Add(reader.GetString(0));
            }

            return lines is ["ok"] ? null : string.Join("; ", lines);
        }
        catch (SqliteException ex) when ((ex.SqliteErrorCode & 0xFF) is SqliteCorrupt or SqliteNotADatabase)
        {
            return ex.Message;
        }
    }

    [LoggerMessage(Level = LogLevel.Error,
        Message = "store {Path} is corrupt ({Problem}); moved it to {Aside} and started a fresh store - readings in it that were not yet sent are not in the new store")]
    private static partial void LogMovedAside(ILogger logger, string path, string problem, string aside);
}
