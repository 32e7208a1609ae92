using Npgsql;
using NpgsqlTypes;

namespace Edge.Ingest.Storage.Postgres;

/// <summary>Alarms and their changes (migration 6).</summary>
public sealed partial class PostgresIngestStore : IAlarmStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredAlarm>> LoadAlarmsAsync(CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        await using var db = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        var changes = new Dictionary<string, List<StoredAlarmChange>>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand("""
            SELECT alarm_id, ordinal, kind, evidence_from_unix_ms, evidence_to_unix_ms, detail, value_m3, operator, at_unix_ms
            FROM alarm_changes ORDER BY alarm_id, ordinal
            """, db, transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
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
                    reader.IsDBNull(6) ? null : reader.GetDecimal(6), reader.IsDBNull(7) ? null : reader.GetString(7), reader.GetInt64(8)));
            }
        }

        var alarms = new List<StoredAlarm>();
        await using (var command = new NpgsqlCommand("""
            SELECT alarm_id, subject_id, kind, start_unix_ms, area_id, meter_id, latching, confirmed_until_unix_ms,
                   cleared_unix_ms, operator_cleared_unix_ms, acknowledged, detail, value_m3, updated_unix_ms
            FROM alarms ORDER BY alarm_id
            """, db, transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetString(0);
                alarms.Add(new StoredAlarm(
                    id, reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetString(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetBoolean(6), reader.GetInt64(7),
                    reader.IsDBNull(8) ? null : reader.GetInt64(8), reader.IsDBNull(9) ? null : reader.GetInt64(9),
                    reader.GetBoolean(10), reader.GetString(11), reader.IsDBNull(12) ? null : reader.GetDecimal(12),
                    reader.GetInt64(13), changes.GetValueOrDefault(id) ?? []));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return alarms;
    }

    /// <inheritdoc />
    public async Task SaveAlarmsAsync(IReadOnlyList<StoredAlarm> alarms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alarms);
        await EnsureInitializedAsync(cancellationToken);
        await using var db = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        foreach (var alarm in alarms)
        {
            await using (var command = new NpgsqlCommand("""
                INSERT INTO alarms (alarm_id, subject_id, kind, start_unix_ms, area_id, meter_id, latching, confirmed_until_unix_ms,
                    cleared_unix_ms, operator_cleared_unix_ms, acknowledged, detail, value_m3, updated_unix_ms)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
                ON CONFLICT (alarm_id) DO UPDATE SET area_id = excluded.area_id, meter_id = excluded.meter_id,
                    latching = excluded.latching, confirmed_until_unix_ms = excluded.confirmed_until_unix_ms,
                    cleared_unix_ms = excluded.cleared_unix_ms, operator_cleared_unix_ms = excluded.operator_cleared_unix_ms,
                    acknowledged = excluded.acknowledged, detail = excluded.detail, value_m3 = excluded.value_m3,
                    updated_unix_ms = excluded.updated_unix_ms
                """, db, transaction))
            {
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = alarm.Id });
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = alarm.SubjectId });
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = alarm.Kind });
                command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = alarm.StartUnixMs });
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = alarm.AreaId });
                command.Parameters.Add(Nullable(NpgsqlDbType.Text, alarm.MeterId));
                command.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = alarm.Latching });
                command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = alarm.ConfirmedUntilUnixMs });
                command.Parameters.Add(Nullable(NpgsqlDbType.Bigint, alarm.ClearedUnixMs));
                command.Parameters.Add(Nullable(NpgsqlDbType.Bigint, alarm.OperatorClearedUnixMs));
                command.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = alarm.Acknowledged });
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = alarm.Detail });
                command.Parameters.Add(Nullable(NpgsqlDbType.Numeric, alarm.ValueM3));
                command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = alarm.UpdatedUnixMs });
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            foreach (var change in alarm.History)
            {
                await using var insert = new NpgsqlCommand("""
                    INSERT INTO alarm_changes (alarm_id, ordinal, kind, evidence_from_unix_ms, evidence_to_unix_ms, detail, value_m3, operator, at_unix_ms)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                    ON CONFLICT (alarm_id, ordinal) DO NOTHING
                    """, db, transaction);
                insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = alarm.Id });
                insert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = change.Ordinal });
                insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = change.Kind });
                insert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = change.EvidenceFromUnixMs });
                insert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = change.EvidenceToUnixMs });
                insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = change.Detail });
                insert.Parameters.Add(Nullable(NpgsqlDbType.Numeric, change.ValueM3));
                insert.Parameters.Add(Nullable(NpgsqlDbType.Text, change.Operator));
                insert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = change.AtUnixMs });
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static NpgsqlParameter Nullable(NpgsqlDbType type, object? value) =>
        new() { NpgsqlDbType = type, Value = value ?? DBNull.Value };
}
