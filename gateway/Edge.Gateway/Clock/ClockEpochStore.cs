using Edge.Gateway.Store;
using Microsoft.Data.Sqlite;

namespace Edge.Gateway.Clock;

/// <summary>
/// The <c>clock_epochs</c> table: device boots and their clock offsets, written in the same transaction as
/// the readings of the frame that taught them, so what the store holds and what the gateway knows agree.
/// </summary>
internal sealed class ClockEpochStore(GatewayDatabase database)
{
    public Dictionary<string, List<ClockEpoch>> LoadAll()
    {
        database.Initialize();
        using var connection = database.Open();
        var epochs = new Dictionary<string, List<ClockEpoch>>(StringComparer.Ordinal);
        var rows = StoreRows.Query(
            connection,
            "SELECT device, boot_seq, offset_ms, exact, max_seq FROM clock_epochs ORDER BY device, boot_seq",
            r => new ClockEpoch(r.GetString(0), r.GetInt64(1), r.IsDBNull(2) ? null : r.GetInt64(2), r.GetInt64(3) != 0, r.GetInt64(4)));
        foreach (var epoch in rows)
        {
            if (!epochs.TryGetValue(epoch.Device, out var list))
            {
                list = [];
                epochs[epoch.Device] = list;
            }

            list.Add(epoch);
        }

        return epochs;
    }

    /// <summary>
    /// Records <paramref name="epoch"/>, forgets boots beyond <see cref="ClockCorrector.MaxEpochsPerDevice"/>, and,
    /// when <paramref name="refined"/>, corrects the boot's stored readings that no batch carries yet.
    /// </summary>
    public static void Save(SqliteConnection connection, SqliteTransaction tx, ClockEpoch epoch, bool refined)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = $"""
            INSERT INTO clock_epochs (device, boot_seq, offset_ms, exact, max_seq) VALUES ($device, $boot, $offset, $exact, $max)
                ON CONFLICT (device, boot_seq) DO UPDATE SET
                    offset_ms = excluded.offset_ms, exact = excluded.exact, max_seq = max(max_seq, excluded.max_seq);
            DELETE FROM clock_epochs WHERE device = $device AND boot_seq < (
                SELECT boot_seq FROM clock_epochs WHERE device = $device ORDER BY boot_seq DESC LIMIT 1 OFFSET {ClockCorrector.MaxEpochsPerDevice - 1});
            """;
        command.Parameters.AddWithValue("$device", epoch.Device);
        command.Parameters.AddWithValue("$boot", epoch.BootSeq);
        command.Parameters.AddWithValue("$offset", epoch.OffsetMs is { } o ? o : DBNull.Value);
        command.Parameters.AddWithValue("$exact", epoch.Exact ? 1 : 0);
        command.Parameters.AddWithValue("$max", epoch.MaxSeq);
        command.ExecuteNonQuery();
        if (!refined || epoch.OffsetMs is not { } offset)
        {
            return;
        }

        // Rows corrected with the estimate keep their device time; rows stored before any offset was known get one.
        command.Parameters.Clear();
        command.CommandText = """
            UPDATE readings SET
                device_ms = coalesce(device_ms, observed_ms),
                observed_ms = coalesce(device_ms, observed_ms) + $offset,
                clock_quality = 1
            WHERE device = $device AND seq BETWEEN $boot AND $max AND batch_seq IS NULL
              AND (device_ms IS NOT NULL OR clock_quality = 0)
            """;
        command.Parameters.AddWithValue("$device", epoch.Device);
        command.Parameters.AddWithValue("$boot", epoch.BootSeq);
        command.Parameters.AddWithValue("$max", epoch.MaxSeq);
        command.Parameters.AddWithValue("$offset", offset);
        command.ExecuteNonQuery();
    }
}
