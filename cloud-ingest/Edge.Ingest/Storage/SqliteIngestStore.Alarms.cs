using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Edge.Ingest.Storage;

/// <summary>Alarms and their changes.</summary>
public sealed partial class SqliteIngestStore : IAlarmStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredAlarm>> LoadAlarmsAsync(CancellationToken cancellationToken)
    {
        await using var db = await OpenReaderAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await db.BeginTransactionAsync(cancellationToken);
        var changes = new Dictionary<string, List<StoredAlarmChange>>(StringComparer.Ordinal);
        await using (var command = db.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = """
                SELECT alarm_id, ordinal, kind, evidence_from_unix_ms, evidence_to_unix_ms, detail, value_m3, operator, at_unix_ms
                FROM alarm_changes ORDER BY alarm_id, ordinal
                """;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetString(0);
                if (!changes.TryGetValue(id, out var list))
                {
                    list = [];
                    changes[id] = list;
                }

                list.Add(new StoredAlarmChange(
                    reader.GetInt32(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetString(5),
                    Decimal(reader, 6), reader.IsDBNull(7) ? null : reader.GetString(7), reader.GetInt64(8)));
            }
        }

        var alarms = new List<StoredAlarm>();
        await using (var command = db.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = """
                SELECT alarm_id, subject_id, kind, start_unix_ms, area_id, meter_id, latching, confirmed_until_unix_ms,
                       cleared_unix_ms, operator_cleared_unix_ms, acknowledged, detail, value_m3, updated_unix_ms
                FROM alarms ORDER BY alarm_id
                """;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetString(0);
                alarms.Add(new StoredAlarm(
                    id, reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetString(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetInt64(6) != 0, reader.GetInt64(7),
                    reader.IsDBNull(8) ? null : reader.GetInt64(8), reader.IsDBNull(9) ? null : reader.GetInt64(9),
                    reader.GetInt64(10) != 0, reader.GetString(11), Decimal(reader, 12), reader.GetInt64(13),
                    changes.GetValueOrDefault(id) ?? []));
            }
        }

        return alarms;
    }

    /// <inheritdoc />
    public async Task SaveAlarmsAsync(IReadOnlyList<StoredAlarm> alarms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alarms);
        await EnsureInitializedAsync(cancellationToken);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            var db = _writer ?? throw new ObjectDisposedException(nameof(SqliteIngestStore));
            using var transaction = db.BeginTransaction(deferred: false);
            foreach (var alarm in alarms)
            {
                UpsertAlarm(db, transaction, alarm);
                foreach (var change in alarm.History)
                {
                    InsertAlarmChange(db, transaction, alarm.Id, change);
                }
            }

            transaction.Commit();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private static void UpsertAlarm(SqliteConnection db, SqliteTransaction transaction, StoredAlarm alarm)
    {
        using var command = Command(db, transaction, """
            INSERT INTO alarms (alarm_id, subject_id, kind, start_unix_ms, area_id, meter_id, latching, confirmed_until_unix_ms,
                cleared_unix_ms, operator_cleared_unix_ms, acknowledged, detail, value_m3, updated_unix_ms)
            VALUES ($id, $subject, $kind, $start, $area, $meter, $latching, $confirmed, $cleared, $operatorCleared, $ack, $detail, $value, $updated)
            ON CONFLICT (alarm_id) DO UPDATE SET area_id = excluded.area_id, meter_id = excluded.meter_id,
                latching = excluded.latching, confirmed_until_unix_ms = excluded.confirmed_until_unix_ms,
                cleared_unix_ms = excluded.cleared_unix_ms, operator_cleared_unix_ms = excluded.operator_cleared_unix_ms,
                acknowledged = excluded.acknowledged, detail = excluded.detail, value_m3 = excluded.value_m3,
                updated_unix_ms = excluded.updated_unix_ms
            """);
        command.Parameters.AddWithValue("$id", alarm.Id);
        command.Parameters.AddWithValue("$subject", alarm.SubjectId);
        command.Parameters.AddWithValue("$kind", alarm.Kind);
        command.Parameters.AddWithValue("$start", alarm.StartUnixMs);
        command.Parameters.AddWithValue("$area", alarm.AreaId);
        command.Parameters.AddWithValue("$meter", (object?)alarm.MeterId ?? DBNull.Value);
        command.Parameters.AddWithValue("$latching", alarm.Latching ? 1 : 0);
        command.Parameters.AddWithValue("$confirmed", alarm.ConfirmedUntilUnixMs);
        command.Parameters.AddWithValue("$cleared", (object?)alarm.ClearedUnixMs ?? DBNull.Value);
        command.Parameters.AddWithValue("$operatorCleared", (object?)alarm.OperatorClearedUnixMs ?? DBNull.Value);
        command.Parameters.AddWithValue("$ack", alarm.Acknowledged ? 1 : 0);
        command.Parameters.AddWithValue("$detail", alarm.Detail);
        command.Parameters.AddWithValue("$value", DecimalText(alarm.ValueM3));
        command.Parameters.AddWithValue("$updated", alarm.UpdatedUnixMs);
        command.ExecuteNonQuery();
    }

    private static void InsertAlarmChange(SqliteConnection db, SqliteTransaction transaction, string alarmId, StoredAlarmChange change)
    {
        using var command = Command(db, transaction, """
            INSERT INTO alarm_changes (alarm_id, ordinal, kind, evidence_from_unix_ms, evidence_to_unix_ms, detail, value_m3, operator, at_unix_ms)
            VALUES ($id, $ordinal, $kind, $from, $to, $detail, $value, $operator, $at)
            ON CONFLICT (alarm_id, ordinal) DO NOTHING
            """);
        command.Parameters.AddWithValue("$id", alarmId);
        command.Parameters.AddWithValue("$ordinal", change.Ordinal);
        command.Parameters.AddWithValue("$kind", change.Kind);
        command.Parameters.AddWithValue("$from", change.EvidenceFromUnixMs);
        command.Parameters.AddWithValue("$to", change.EvidenceToUnixMs);
        command.Parameters.AddWithValue("$detail", change.Detail);
        command.Parameters.AddWithValue("$value", DecimalText(change.ValueM3));
        command.Parameters.AddWithValue("$operator", (object?)change.Operator ?? DBNull.Value);
        command.Parameters.AddWithValue("$at", change.AtUnixMs);
        command.ExecuteNonQuery();
    }

    private static object DecimalText(decimal? value) =>
        value is { } v ? v.ToString(CultureInfo.InvariantCulture) : DBNull.Value;

    private static decimal? Decimal(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : decimal.Parse(reader.GetString(ordinal), NumberStyles.Number, CultureInfo.InvariantCulture);
}
