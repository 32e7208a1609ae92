using Microsoft.Data.Sqlite;

namespace Edge.Ingest.Storage;

/// <summary>Welfare watch: household settings and welfare events.</summary>
public sealed partial class SqliteIngestStore : IWelfareStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredWelfareHousehold>> LoadWelfareHouseholdsAsync(CancellationToken cancellationToken)
    {
        await using var db = await OpenReaderAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await db.BeginTransactionAsync(cancellationToken);
        var periods = new Dictionary<(string, string), List<StoredWelfarePeriod>>();
        await using (var command = db.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT household_id, kind, from_unix_ms, to_unix_ms FROM welfare_periods ORDER BY household_id, kind, from_unix_ms";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
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
        await using (var command = db.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = """
                SELECT household_id, genki_deadline_minutes, deadline_changed_unix_ms, away_mode_since_unix_ms, updated_unix_ms
                FROM welfare_households ORDER BY household_id
                """;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetString(0);
                households.Add(new StoredWelfareHousehold(
                    id, reader.IsDBNull(1) ? null : reader.GetInt32(1), NullableInt64(reader, 2), NullableInt64(reader, 3),
                    periods.GetValueOrDefault((id, WelfareSchema.Snooze)) ?? [], periods.GetValueOrDefault((id, WelfareSchema.Away)) ?? [],
                    reader.GetInt64(4)));
            }
        }

        return households;
    }

    /// <inheritdoc />
    public async Task SaveWelfareHouseholdAsync(StoredWelfareHousehold household, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(household);
        await WriteAsync(db =>
        {
            using var transaction = db.BeginTransaction(deferred: false);
            using (var command = Command(db, transaction, """
                INSERT INTO welfare_households (household_id, genki_deadline_minutes, deadline_changed_unix_ms, away_mode_since_unix_ms, updated_unix_ms)
                VALUES ($id, $deadline, $changed, $away, $updated)
                ON CONFLICT (household_id) DO UPDATE SET genki_deadline_minutes = excluded.genki_deadline_minutes,
                    deadline_changed_unix_ms = excluded.deadline_changed_unix_ms,
                    away_mode_since_unix_ms = excluded.away_mode_since_unix_ms, updated_unix_ms = excluded.updated_unix_ms
                """))
            {
                command.Parameters.AddWithValue("$id", household.HouseholdId);
                command.Parameters.AddWithValue("$deadline", (object?)household.GenkiDeadlineMinutes ?? DBNull.Value);
                command.Parameters.AddWithValue("$changed", (object?)household.DeadlineChangedUnixMs ?? DBNull.Value);
                command.Parameters.AddWithValue("$away", (object?)household.AwayModeSinceUnixMs ?? DBNull.Value);
                command.Parameters.AddWithValue("$updated", household.UpdatedUnixMs);
                command.ExecuteNonQuery();
            }

            using (var delete = Command(db, transaction, "DELETE FROM welfare_periods WHERE household_id = $id"))
            {
                delete.Parameters.AddWithValue("$id", household.HouseholdId);
                delete.ExecuteNonQuery();
            }

            foreach (var (kind, period) in household.Snoozes.Select(p => (WelfareSchema.Snooze, p))
                .Concat(household.AwayPeriods.Select(p => (WelfareSchema.Away, p))))
            {
                using var insert = Command(db, transaction,
                    "INSERT INTO welfare_periods (household_id, kind, from_unix_ms, to_unix_ms) VALUES ($id, $kind, $from, $to)");
                insert.Parameters.AddWithValue("$id", household.HouseholdId);
                insert.Parameters.AddWithValue("$kind", kind);
                insert.Parameters.AddWithValue("$from", period.FromUnixMs);
                insert.Parameters.AddWithValue("$to", period.ToUnixMs);
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
            return 0;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredWelfareEvent>> LoadWelfareEventsAsync(CancellationToken cancellationToken)
    {
        await using var db = await OpenReaderAsync(cancellationToken);
        await using var command = db.CreateCommand();
        command.CommandText = """
            SELECT event_id, household_id, kind, held_kind, at_unix_ms, evidence_from_unix_ms, evidence_to_unix_ms, detail,
                   first_seen_unix_ms, acknowledged_by, acknowledged_unix_ms
            FROM welfare_events ORDER BY at_unix_ms, event_id
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<StoredWelfareEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new StoredWelfareEvent(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetString(7), reader.GetInt64(8),
                reader.IsDBNull(9) ? null : reader.GetString(9), NullableInt64(reader, 10)));
        }

        return events;
    }

    /// <inheritdoc />
    public Task<int> AddWelfareEventsAsync(IReadOnlyList<StoredWelfareEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        return WriteAsync(db =>
        {
            using var transaction = db.BeginTransaction(deferred: false);
            var added = 0;
            foreach (var e in events)
            {
                using var command = Command(db, transaction, """
                    INSERT INTO welfare_events (event_id, household_id, kind, held_kind, at_unix_ms, evidence_from_unix_ms,
                        evidence_to_unix_ms, detail, first_seen_unix_ms, acknowledged_by, acknowledged_unix_ms)
                    VALUES ($id, $household, $kind, $held, $at, $from, $to, $detail, $seen, $by, $ack)
                    ON CONFLICT (event_id) DO NOTHING
                    """);
                command.Parameters.AddWithValue("$id", e.Id);
                command.Parameters.AddWithValue("$household", e.HouseholdId);
                command.Parameters.AddWithValue("$kind", e.Kind);
                command.Parameters.AddWithValue("$held", (object?)e.HeldKind ?? DBNull.Value);
                command.Parameters.AddWithValue("$at", e.AtUnixMs);
                command.Parameters.AddWithValue("$from", e.EvidenceFromUnixMs);
                command.Parameters.AddWithValue("$to", e.EvidenceToUnixMs);
                command.Parameters.AddWithValue("$detail", e.Detail);
                command.Parameters.AddWithValue("$seen", e.FirstSeenUnixMs);
                command.Parameters.AddWithValue("$by", (object?)e.AcknowledgedBy ?? DBNull.Value);
                command.Parameters.AddWithValue("$ack", (object?)e.AcknowledgedUnixMs ?? DBNull.Value);
                added += command.ExecuteNonQuery();
            }

            transaction.Commit();
            return added;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> AcknowledgeWelfareEventAsync(string id, string by, long atUnixMs, CancellationToken cancellationToken) =>
        WriteAsync(db =>
        {
            using var transaction = db.BeginTransaction(deferred: false);
            using var command = Command(db, transaction, """
                UPDATE welfare_events SET acknowledged_by = coalesce(acknowledged_by, $by),
                    acknowledged_unix_ms = coalesce(acknowledged_unix_ms, $at)
                WHERE event_id = $id
                """);
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$by", by);
            command.Parameters.AddWithValue("$at", atUnixMs);
            var found = command.ExecuteNonQuery() > 0;
            transaction.Commit();
            return found;
        }, cancellationToken);

    private async Task<T> WriteAsync<T>(Func<SqliteConnection, T> write, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            return write(_writer ?? throw new ObjectDisposedException(nameof(SqliteIngestStore)));
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private static long? NullableInt64(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);
}
