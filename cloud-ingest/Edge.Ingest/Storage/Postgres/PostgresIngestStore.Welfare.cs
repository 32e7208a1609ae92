using Npgsql;
using NpgsqlTypes;

namespace Edge.Ingest.Storage.Postgres;

/// <summary>Welfare watch: household settings and welfare events (migration 7).</summary>
public sealed partial class PostgresIngestStore : IWelfareStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredWelfareHousehold>> LoadWelfareHouseholdsAsync(CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        await using var db = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        var periods = new Dictionary<(string, string), List<StoredWelfarePeriod>>();
        await using (var command = new NpgsqlCommand(
            "SELECT household_id, kind, from_unix_ms, to_unix_ms FROM welfare_periods ORDER BY household_id, kind, from_unix_ms", db, transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var key = (reader.GetString(0), reader.GetString(1));
                if (!periods.TryGetValue(key, out var list))
                {
                    list = [];
                    periods[key] = list;
                }

                list.Add(new StoredWelfarePeriod(reader.GetInt64(2), reader.GetInt64(3)));
            }
        }

        var households = new List<StoredWelfareHousehold>();
        await using (var command = new NpgsqlCommand("""
            SELECT household_id, genki_deadline_minutes, deadline_changed_unix_ms, away_mode_since_unix_ms, updated_unix_ms
            FROM welfare_households ORDER BY household_id
            """, db, transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetString(0);
                households.Add(new StoredWelfareHousehold(
                    id, reader.IsDBNull(1) ? null : reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetInt64(2),
                    reader.IsDBNull(3) ? null : reader.GetInt64(3),
                    periods.GetValueOrDefault((id, WelfareSchema.Snooze)) ?? [], periods.GetValueOrDefault((id, WelfareSchema.Away)) ?? [],
                    reader.GetInt64(4)));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return households;
    }

    /// <inheritdoc />
    public async Task SaveWelfareHouseholdAsync(StoredWelfareHousehold household, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(household);
        await EnsureInitializedAsync(cancellationToken);
        await using var db = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand("""
            INSERT INTO welfare_households (household_id, genki_deadline_minutes, deadline_changed_unix_ms, away_mode_since_unix_ms, updated_unix_ms)
            VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (household_id) DO UPDATE SET genki_deadline_minutes = excluded.genki_deadline_minutes,
                deadline_changed_unix_ms = excluded.deadline_changed_unix_ms,
                away_mode_since_unix_ms = excluded.away_mode_since_unix_ms, updated_unix_ms = excluded.updated_unix_ms
            """, db, transaction))
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = household.HouseholdId });
            command.Parameters.Add(Nullable(NpgsqlDbType.Integer, household.GenkiDeadlineMinutes));
            command.Parameters.Add(Nullable(NpgsqlDbType.Bigint, household.DeadlineChangedUnixMs));
            command.Parameters.Add(Nullable(NpgsqlDbType.Bigint, household.AwayModeSinceUnixMs));
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = household.UpdatedUnixMs });
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var delete = new NpgsqlCommand("DELETE FROM welfare_periods WHERE household_id = $1", db, transaction))
        {
            delete.Parameters.Add(new NpgsqlParameter<string> { TypedValue = household.HouseholdId });
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var (kind, period) in household.Snoozes.Select(p => (WelfareSchema.Snooze, p))
            .Concat(household.AwayPeriods.Select(p => (WelfareSchema.Away, p))))
        {
            await using var insert = new NpgsqlCommand(
                "INSERT INTO welfare_periods (household_id, kind, from_unix_ms, to_unix_ms) VALUES ($1, $2, $3, $4)", db, transaction);
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = household.HouseholdId });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = kind });
            insert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = period.FromUnixMs });
            insert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = period.ToUnixMs });
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredWelfareEvent>> LoadWelfareEventsAsync(CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        await using var db = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT event_id, household_id, kind, held_kind, at_unix_ms, evidence_from_unix_ms, evidence_to_unix_ms, detail,
                   first_seen_unix_ms, acknowledged_by, acknowledged_unix_ms
            FROM welfare_events ORDER BY at_unix_ms, event_id
            """, db);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<StoredWelfareEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new StoredWelfareEvent(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetString(7), reader.GetInt64(8),
                reader.IsDBNull(9) ? null : reader.GetString(9), reader.IsDBNull(10) ? null : reader.GetInt64(10)));
        }

        return events;
    }

    /// <inheritdoc />
    public async Task<int> AddWelfareEventsAsync(IReadOnlyList<StoredWelfareEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        await EnsureInitializedAsync(cancellationToken);
        await using var db = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var added = 0;
        foreach (var e in events)
        {
            await using var command = new NpgsqlCommand("""
                INSERT INTO welfare_events (event_id, household_id, kind, held_kind, at_unix_ms, evidence_from_unix_ms,
                    evidence_to_unix_ms, detail, first_seen_unix_ms, acknowledged_by, acknowledged_unix_ms)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
                ON CONFLICT (event_id) DO NOTHING
                """, db, transaction);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = e.Id });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = e.HouseholdId });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = e.Kind });
            command.Parameters.Add(Nullable(NpgsqlDbType.Text, e.HeldKind));
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = e.AtUnixMs });
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = e.EvidenceFromUnixMs });
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = e.EvidenceToUnixMs });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = e.Detail });
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = e.FirstSeenUnixMs });
            command.Parameters.Add(Nullable(NpgsqlDbType.Text, e.AcknowledgedBy));
            command.Parameters.Add(Nullable(NpgsqlDbType.Bigint, e.AcknowledgedUnixMs));
            added += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return added;
    }

    /// <inheritdoc />
    public async Task<bool> AcknowledgeWelfareEventAsync(string id, string by, long atUnixMs, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        await using var db = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            UPDATE welfare_events SET acknowledged_by = coalesce(acknowledged_by, $2),
                acknowledged_unix_ms = coalesce(acknowledged_unix_ms, $3)
            WHERE event_id = $1
            """, db);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = id });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = by });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = atUnixMs });
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }
}
