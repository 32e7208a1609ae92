namespace Edge.Gateway.Store;

/// <content>The tables and indexes. Every row waits with <c>batch_seq</c> NULL until a batch is cut.</content>
internal static partial class StoreSchema
{
    private const string TablesDdl = """
        CREATE TABLE IF NOT EXISTS readings (
            id            INTEGER PRIMARY KEY,
            device        TEXT    NOT NULL,
            seq           INTEGER NOT NULL,
            channel       TEXT    NOT NULL,
            unit          TEXT    NOT NULL,
            mantissa      INTEGER NOT NULL,
            scale         INTEGER NOT NULL,
            observed_ms   INTEGER NOT NULL,
            clock_quality INTEGER NOT NULL,
            flags         INTEGER NOT NULL,
            received_ms   INTEGER NOT NULL,
            class         INTEGER NOT NULL,
            batch_seq     INTEGER NULL,
            device_ms     INTEGER NULL,
            UNIQUE (device, seq)
        );
        CREATE INDEX IF NOT EXISTS readings_pending ON readings (class, observed_ms, id) WHERE batch_seq IS NULL;
        CREATE INDEX IF NOT EXISTS readings_pending_by_device ON readings (device, observed_ms) WHERE batch_seq IS NULL;
        CREATE INDEX IF NOT EXISTS readings_pending_age ON readings (class, received_ms) WHERE batch_seq IS NULL;
        CREATE INDEX IF NOT EXISTS readings_by_batch ON readings (batch_seq) WHERE batch_seq IS NOT NULL;
        CREATE TABLE IF NOT EXISTS events (
            id          INTEGER PRIMARY KEY,
            device      TEXT    NOT NULL,
            seq         INTEGER NOT NULL,
            observed_ms INTEGER NOT NULL,
            kind        TEXT    NOT NULL,
            detail      TEXT    NULL,
            received_ms INTEGER NOT NULL,
            class       INTEGER NOT NULL,
            batch_seq   INTEGER NULL,
            UNIQUE (device, seq, kind)
        );
        CREATE INDEX IF NOT EXISTS events_pending ON events (class, observed_ms, id) WHERE batch_seq IS NULL;
        CREATE INDEX IF NOT EXISTS events_pending_age ON events (class, received_ms) WHERE batch_seq IS NULL;
        CREATE INDEX IF NOT EXISTS events_by_batch ON events (batch_seq) WHERE batch_seq IS NOT NULL;
        CREATE TABLE IF NOT EXISTS gaps (
            id         INTEGER PRIMARY KEY,
            devices    TEXT    NOT NULL,
            device_key TEXT    NULL,
            from_ms    INTEGER NOT NULL,
            to_ms      INTEGER NOT NULL,
            count      INTEGER NOT NULL,
            reason     TEXT    NOT NULL,
            created_ms INTEGER NOT NULL,
            batch_seq  INTEGER NULL
        );
        CREATE INDEX IF NOT EXISTS gaps_open ON gaps (device_key, reason) WHERE batch_seq IS NULL;
        CREATE INDEX IF NOT EXISTS gaps_by_batch ON gaps (batch_seq) WHERE batch_seq IS NOT NULL;
        CREATE TABLE IF NOT EXISTS device_marks (
            device      TEXT PRIMARY KEY,
            observed_ms INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS batches (
            seq        INTEGER PRIMARY KEY,
            created_ms INTEGER NOT NULL,
            readings   INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS clock_epochs (
            device    TEXT    NOT NULL,
            boot_seq  INTEGER NOT NULL,
            offset_ms INTEGER NULL,
            exact     INTEGER NOT NULL,
            max_seq   INTEGER NOT NULL,
            PRIMARY KEY (device, boot_seq)
        );
        CREATE TABLE IF NOT EXISTS meter_seqs (
            device      TEXT    PRIMARY KEY,
            last_seq    INTEGER NOT NULL,
            last_access INTEGER NOT NULL,
            last_digest INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS counters (
            name  TEXT PRIMARY KEY,
            value INTEGER NOT NULL
        );
        """;
}
