namespace Edge.Ingest.Storage;

/// <summary>The SQLite schema of the ingest store, version <see cref="Version"/> (kept in <c>PRAGMA user_version</c>).</summary>
internal static class SqliteSchema
{
    /// <summary>Schema version this code writes and reads.</summary>
    public const int Version = 5;

    /// <summary>Names of the rows of the <c>counters</c> table.</summary>
    public const string BatchesCounter = "batches";
    public const string DuplicateBatchesCounter = "duplicate_batches";
    public const string ReadingsCounter = "readings";
    public const string DuplicateReadingsCounter = "duplicate_readings";
    public const string RejectedReadingsCounter = "rejected_readings";

    /// <summary>The last device revision handed out (not a statistic): every device write takes the next one.</summary>
    public const string DeviceRevisionCounter = "device_revision";

    /// <summary>
    /// Creates what is missing. Readings are keyed by (device_id, seq), the idempotency key of the whole system
    /// (DESIGN.md, "Data that flows"); batches by (gateway_id, seq). Readings set aside by the checks live in their own
    /// table with their own (device_id, seq) key, so a later good copy can still be stored as a reading.
    /// WAL lets readers run beside the one writer.
    /// </summary>
    public const string Create = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS batches (
            gateway_id       TEXT    NOT NULL,
            seq              INTEGER NOT NULL,
            created_unix_ms  INTEGER NOT NULL,
            received_unix_ms INTEGER NOT NULL,
            reading_count    INTEGER NOT NULL,
            stored_count     INTEGER NOT NULL,
            duplicate_count  INTEGER NOT NULL,
            rejected_count   INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (gateway_id, seq)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS readings (
            device_id        TEXT    NOT NULL,
            seq              INTEGER NOT NULL,
            channel          TEXT    NOT NULL,
            observed_unix_ms INTEGER NOT NULL,
            received_unix_ms INTEGER NOT NULL,
            clock_quality    TEXT    NOT NULL,
            flags            INTEGER NOT NULL,
            value            REAL    NOT NULL,
            unit             TEXT    NOT NULL,
            unit_code        TEXT    NOT NULL,
            raw_mantissa     INTEGER NOT NULL,
            raw_scale        INTEGER NOT NULL,
            raw_unit         TEXT    NOT NULL,
            batch_id         TEXT    NOT NULL,
            device_unix_ms   INTEGER NULL,
            quarantined      INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (device_id, seq)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS readings_by_device_time ON readings (device_id, observed_unix_ms, seq);
        CREATE TABLE IF NOT EXISTS rejected_readings (
            device_id        TEXT    NOT NULL,
            seq              INTEGER NOT NULL,
            channel          TEXT    NOT NULL,
            observed_unix_ms INTEGER NOT NULL,
            received_unix_ms INTEGER NOT NULL,
            clock_quality    TEXT    NOT NULL,
            flags            INTEGER NOT NULL,
            raw_mantissa     INTEGER NOT NULL,
            raw_scale        INTEGER NOT NULL,
            raw_unit         TEXT    NOT NULL,
            reason           TEXT    NOT NULL,
            batch_id         TEXT    NOT NULL,
            PRIMARY KEY (device_id, seq)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS rejected_by_received ON rejected_readings (received_unix_ms);
        CREATE INDEX IF NOT EXISTS rejected_by_device_received ON rejected_readings (device_id, received_unix_ms);
        CREATE TABLE IF NOT EXISTS events (
            batch_id         TEXT    NOT NULL,
            device_id        TEXT    NOT NULL,
            observed_unix_ms INTEGER NOT NULL,
            kind             TEXT    NOT NULL,
            detail           TEXT
        );
        CREATE TABLE IF NOT EXISTS gaps (
            batch_id     TEXT    NOT NULL,
            device_ids   TEXT    NOT NULL,
            from_unix_ms INTEGER NOT NULL,
            to_unix_ms   INTEGER NOT NULL,
            count        INTEGER NOT NULL,
            reason       TEXT    NOT NULL
        );
        CREATE TABLE IF NOT EXISTS devices (
            device_id  TEXT NOT NULL PRIMARY KEY,
            gateway_id TEXT NOT NULL,
            kind       TEXT NOT NULL,
            area_code  TEXT NOT NULL,
            document   TEXT NOT NULL,
            revision   INTEGER NOT NULL DEFAULT 0
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS devices_by_area ON devices (area_code, device_id);
        CREATE TABLE IF NOT EXISTS counters (
            name  TEXT    PRIMARY KEY,
            value INTEGER NOT NULL
        ) WITHOUT ROWID;
        INSERT OR IGNORE INTO counters (name, value)
            VALUES ('batches', 0), ('duplicate_batches', 0), ('readings', 0), ('duplicate_readings', 0),
                   ('rejected_readings', 0), ('device_revision', 0);
        PRAGMA user_version = 5;
        """;

    /// <summary>
    /// Completes the upgrade of a version 1 database after <see cref="Create"/> ran: its <c>batches</c> table has no
    /// <c>rejected_count</c> (version 1 never set readings aside, so 0 is right). Run only when the column is missing;
    /// the check runs at every start, so an upgrade cut short is finished next time.
    /// </summary>
    public const string AddBatchRejectedCount =
        "ALTER TABLE batches ADD COLUMN rejected_count INTEGER NOT NULL DEFAULT 0;";

    /// <summary>
    /// Completes the upgrade of a version 1 or 2 database: readings get <c>device_unix_ms</c>, the time the device
    /// stamped when the gateway corrected the observed time (NULL for every reading stored before).
    /// </summary>
    public const string AddReadingDeviceTime = "ALTER TABLE readings ADD COLUMN device_unix_ms INTEGER NULL;";

    /// <summary>
    /// Completes the upgrade of a version 1 to 3 database: readings get <c>quarantined</c> (1 while the device is not
    /// registered; every reading stored before the registry existed counts as admitted, 0).
    /// </summary>
    public const string AddReadingQuarantined = "ALTER TABLE readings ADD COLUMN quarantined INTEGER NOT NULL DEFAULT 0;";

    /// <summary>Counts the <c>quarantined</c> column of <c>readings</c> (0 or 1).</summary>
    public const string HasReadingQuarantined =
        "SELECT count(*) FROM pragma_table_info('readings') WHERE name = 'quarantined';";

    /// <summary>
    /// Completes the upgrade of a version 4 database: devices get <c>revision</c>, which changes at every write of a
    /// device and is never reused (0 for devices registered before), so a cached registration is checked by it.
    /// </summary>
    public const string AddDeviceRevision = "ALTER TABLE devices ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;";

    /// <summary>Counts the <c>revision</c> column of <c>devices</c> (0 or 1).</summary>
    public const string HasDeviceRevision = "SELECT count(*) FROM pragma_table_info('devices') WHERE name = 'revision';";

    /// <summary>The quarantine is small and looked up by device: a partial index holds only its readings.</summary>
    public const string CreateQuarantineIndex =
        "CREATE INDEX IF NOT EXISTS readings_quarantined ON readings (device_id, batch_id) WHERE quarantined = 1;";

    /// <summary>Counts the <c>device_unix_ms</c> column of <c>readings</c> (0 or 1).</summary>
    public const string HasReadingDeviceTime =
        "SELECT count(*) FROM pragma_table_info('readings') WHERE name = 'device_unix_ms';";

    /// <summary>
    /// Adds the gateway remote-configuration tables (issue 6): the desired document per gateway with its version, and
    /// the gateway's last report. Additive, so it runs at every start on any schema version.
    /// </summary>
    public const string CreateGatewayControl = """
        CREATE TABLE IF NOT EXISTS gateway_desired (
            gateway_id      TEXT    PRIMARY KEY,
            version         INTEGER NOT NULL,
            document        TEXT    NOT NULL,
            updated_by      TEXT    NOT NULL,
            updated_unix_ms INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS gateway_reported (
            gateway_id       TEXT    PRIMARY KEY,
            applied_version  INTEGER NOT NULL,
            document         TEXT    NOT NULL,
            via              TEXT    NOT NULL,
            received_unix_ms INTEGER NOT NULL
        ) WITHOUT ROWID;
        """;

    /// <summary>
    /// Adds the alarm tables (issue 8): one row per alarm (its key, state and latest figure) and one per change with its
    /// evidence window. Additive, so it runs at every start on any schema version. Figures are exact decimals as text.
    /// </summary>
    public const string CreateAlarms = """
        CREATE TABLE IF NOT EXISTS alarms (
            alarm_id                 TEXT    PRIMARY KEY,
            subject_id               TEXT    NOT NULL,
            kind                     TEXT    NOT NULL,
            start_unix_ms            INTEGER NOT NULL,
            area_id                  TEXT    NOT NULL,
            meter_id                 TEXT    NULL,
            latching                 INTEGER NOT NULL,
            confirmed_until_unix_ms  INTEGER NOT NULL,
            cleared_unix_ms          INTEGER NULL,
            operator_cleared_unix_ms INTEGER NULL,
            acknowledged             INTEGER NOT NULL,
            detail                   TEXT    NOT NULL,
            value_m3                 TEXT    NULL,
            updated_unix_ms          INTEGER NOT NULL,
            UNIQUE (subject_id, kind, start_unix_ms)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS alarm_changes (
            alarm_id           TEXT    NOT NULL,
            ordinal            INTEGER NOT NULL,
            kind               TEXT    NOT NULL,
            evidence_from_unix_ms INTEGER NOT NULL,
            evidence_to_unix_ms   INTEGER NOT NULL,
            detail             TEXT    NOT NULL,
            value_m3           TEXT    NULL,
            operator           TEXT    NULL,
            at_unix_ms         INTEGER NOT NULL,
            PRIMARY KEY (alarm_id, ordinal)
        ) WITHOUT ROWID;
        """;

    /// <summary>Counts the <c>rejected_count</c> column of <c>batches</c> (0 or 1).</summary>
    public const string HasBatchRejectedCount =
        "SELECT count(*) FROM pragma_table_info('batches') WHERE name = 'rejected_count';";
}
