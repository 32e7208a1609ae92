namespace Edge.Ingest.Storage;

/// <summary>
/// The welfare watch tables of both stores (issue 8): per household the welfare office's settings, its snoozes and
/// finished away-mode spans, and the welfare events (recorded once each, by a stable id).
/// </summary>
public static class WelfareSchema
{
    /// <summary>SQLite: additive, so it runs at every start on any schema version.</summary>
    public const string Sqlite = """
        CREATE TABLE IF NOT EXISTS welfare_households (
            household_id            TEXT    PRIMARY KEY,
            genki_deadline_minutes  INTEGER NULL,
            deadline_changed_unix_ms INTEGER NULL,
            away_mode_since_unix_ms INTEGER NULL,
            updated_unix_ms         INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS welfare_periods (
            household_id TEXT    NOT NULL,
            kind         TEXT    NOT NULL,
            from_unix_ms INTEGER NOT NULL,
            to_unix_ms   INTEGER NOT NULL,
            PRIMARY KEY (household_id, kind, from_unix_ms)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS welfare_events (
            event_id              TEXT    PRIMARY KEY,
            household_id          TEXT    NOT NULL,
            kind                  TEXT    NOT NULL,
            held_kind             TEXT    NULL,
            at_unix_ms            INTEGER NOT NULL,
            evidence_from_unix_ms INTEGER NOT NULL,
            evidence_to_unix_ms   INTEGER NOT NULL,
            detail                TEXT    NOT NULL,
            first_seen_unix_ms    INTEGER NOT NULL,
            acknowledged_by       TEXT    NULL,
            acknowledged_unix_ms  INTEGER NULL
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS welfare_events_by_time ON welfare_events (at_unix_ms, event_id);
        """;

    /// <summary>PostgreSQL migration 7.</summary>
    public const string PostgresVersion7 = """
        CREATE TABLE welfare_households (
            household_id             text   PRIMARY KEY,
            genki_deadline_minutes   int    NULL CHECK (genki_deadline_minutes BETWEEN 0 AND 1439),
            deadline_changed_unix_ms bigint NULL,
            away_mode_since_unix_ms  bigint NULL,
            updated_unix_ms          bigint NOT NULL
        );
        CREATE TABLE welfare_periods (
            household_id text   NOT NULL REFERENCES welfare_households (household_id),
            kind         text   NOT NULL CHECK (kind IN ('snooze', 'away')),
            from_unix_ms bigint NOT NULL,
            to_unix_ms   bigint NOT NULL CHECK (to_unix_ms > from_unix_ms),
            PRIMARY KEY (household_id, kind, from_unix_ms)
        );
        CREATE TABLE welfare_events (
            event_id              text   PRIMARY KEY,
            household_id          text   NOT NULL,
            kind                  text   NOT NULL,
            held_kind             text   NULL,
            at_unix_ms            bigint NOT NULL,
            evidence_from_unix_ms bigint NOT NULL,
            evidence_to_unix_ms   bigint NOT NULL,
            detail                text   NOT NULL,
            first_seen_unix_ms    bigint NOT NULL,
            acknowledged_by       text   NULL,
            acknowledged_unix_ms  bigint NULL
        );
        CREATE INDEX welfare_events_by_time ON welfare_events (at_unix_ms, event_id);
        """;

    /// <summary>Kind of a <c>welfare_periods</c> row: a snooze.</summary>
    public const string Snooze = "snooze";

    /// <summary>Kind of a <c>welfare_periods</c> row: a finished span of away mode.</summary>
    public const string Away = "away";
}
