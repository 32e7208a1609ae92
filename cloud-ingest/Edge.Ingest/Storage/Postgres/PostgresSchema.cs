namespace Edge.Ingest.Storage.Postgres;

/// <summary>
/// The PostgreSQL schema of the ingest store as numbered migrations, applied in order by <see cref="PostgresMigrator"/>
/// and recorded in <c>schema_migrations</c>. A released migration is never edited; a change is a new one.
/// </summary>
public static class PostgresSchema
{
    /// <summary>Rows of <c>ingest_counters</c>: writers spread over them (see <see cref="Version1"/>).</summary>
    public const int CounterShards = 16;

    /// <summary>The migrations, version and script; versions start at 1 and have no holes.</summary>
    public static IReadOnlyList<(int Version, string Description, string Sql)> Migrations { get; } =
    [
        (1, "batches, reading keys, readings partitioned by month, rejected readings, events, gaps, counters", Version1),
        (2, "device registry, quarantined readings", Version2),
        (3, "device revisions", Version3),
        (4, "reading keys as blocks of 64 seqs", Version4),
        (5, "gateway desired configuration and reported state", Version5),
        (6, "meter and area alarms with their changes", Version6),
        (7, "welfare watch: household settings, snoozes and away spans, welfare events", WelfareSchema.PostgresVersion7),
    ];

    /// <summary>The newest schema version this build knows.</summary>
    public static int LatestVersion => Migrations[^1].Version;

    /// <summary>
    /// Version 1.
    /// <list type="bullet">
    /// <item><c>readings</c> is range-partitioned by observed time, one partition per UTC month, created on demand by
    /// <see cref="PostgresPartitions"/>; times before 2000 (clocks that never synced) share <c>readings_before_2000</c>.
    /// Its key is (device_id, observed_unix_ms, seq): it contains the partition key as PostgreSQL requires, and is the
    /// index the reading queries (one device, a time range) walk.</item>
    /// <item>That key cannot make (device_id, seq) unique: a unique constraint on a partitioned table must contain the
    /// partition key, and a reading's observed time may differ between copies (a gateway corrects times stamped before
    /// its clock synced). So <c>reading_keys</c>, one small unpartitioned table, holds the idempotency key of the
    /// whole system; a reading is stored only when its key insert succeeded (ON CONFLICT DO NOTHING).</item>
    /// <item><c>ingest_counters</c> has <see cref="CounterShards"/> rows and a writer adds to the row of its backend
    /// process, so concurrent batches do not queue on one row lock until their commits; the totals are the sums.</item>
    /// </list>
    /// </summary>
    private const string Version1 = """
        CREATE TABLE batches (
            gateway_id       text   NOT NULL,
            seq              bigint NOT NULL,
            created_unix_ms  bigint NOT NULL,
            received_unix_ms bigint NOT NULL,
            reading_count    int    NOT NULL,
            stored_count     int    NOT NULL DEFAULT 0,
            duplicate_count  int    NOT NULL DEFAULT 0,
            rejected_count   int    NOT NULL DEFAULT 0,
            PRIMARY KEY (gateway_id, seq)
        );
        CREATE TABLE reading_keys (
            device_id text   NOT NULL,
            seq       bigint NOT NULL,
            PRIMARY KEY (device_id, seq)
        );
        CREATE TABLE readings (
            device_id        text             NOT NULL,
            seq              bigint           NOT NULL,
            channel          text             NOT NULL,
            observed_unix_ms bigint           NOT NULL,
            received_unix_ms bigint           NOT NULL,
            clock_quality    text             NOT NULL,
            flags            int              NOT NULL,
            value            double precision NOT NULL,
            unit             text             NOT NULL,
            unit_code        text             NOT NULL,
            raw_mantissa     bigint           NOT NULL,
            raw_scale        int              NOT NULL,
            raw_unit         text             NOT NULL,
            batch_id         text             NOT NULL,
            device_unix_ms   bigint           NULL,
            PRIMARY KEY (device_id, observed_unix_ms, seq)
        ) PARTITION BY RANGE (observed_unix_ms);
        CREATE TABLE readings_before_2000 PARTITION OF readings FOR VALUES FROM (MINVALUE) TO (946684800000);
        CREATE TABLE rejected_readings (
            device_id        text   NOT NULL,
            seq              bigint NOT NULL,
            channel          text   NOT NULL,
            observed_unix_ms bigint NOT NULL,
            received_unix_ms bigint NOT NULL,
            clock_quality    text   NOT NULL,
            flags            int    NOT NULL,
            raw_mantissa     bigint NOT NULL,
            raw_scale        int    NOT NULL,
            raw_unit         text   NOT NULL,
            reason           text   NOT NULL,
            batch_id         text   NOT NULL,
            PRIMARY KEY (device_id, seq)
        );
        CREATE INDEX rejected_by_received ON rejected_readings (received_unix_ms);
        CREATE INDEX rejected_by_device_received ON rejected_readings (device_id, received_unix_ms);
        CREATE TABLE events (
            batch_id         text   NOT NULL,
            device_id        text   NOT NULL,
            observed_unix_ms bigint NOT NULL,
            kind             text   NOT NULL,
            detail           text   NULL
        );
        CREATE TABLE gaps (
            batch_id     text   NOT NULL,
            device_ids   jsonb  NOT NULL,
            from_unix_ms bigint NOT NULL,
            to_unix_ms   bigint NOT NULL,
            count        bigint NOT NULL,
            reason       text   NOT NULL
        );
        CREATE TABLE ingest_counters (
            shard              int    PRIMARY KEY,
            batches            bigint NOT NULL DEFAULT 0,
            duplicate_batches  bigint NOT NULL DEFAULT 0,
            readings           bigint NOT NULL DEFAULT 0,
            duplicate_readings bigint NOT NULL DEFAULT 0,
            rejected_readings  bigint NOT NULL DEFAULT 0
        );
        INSERT INTO ingest_counters (shard) SELECT generate_series(0, 15);
        """;

    /// <summary>
    /// Version 2: the device registry (<c>devices</c>, one JSON document per device beside the columns it is searched
    /// by) and <c>readings.quarantined</c>, true while a reading's device is not registered. Readings stored before
    /// count as admitted. The partial index holds only the quarantine, which is small.
    /// </summary>
    private const string Version2 = """
        CREATE TABLE devices (
            device_id  text  PRIMARY KEY,
            gateway_id text  NOT NULL,
            kind       text  NOT NULL,
            area_code  text  NOT NULL,
            document   jsonb NOT NULL
        );
        CREATE INDEX devices_by_area ON devices (area_code, device_id);
        ALTER TABLE readings ADD COLUMN quarantined boolean NOT NULL DEFAULT false;
        CREATE INDEX readings_quarantined ON readings (device_id, batch_id) WHERE quarantined;
        """;

    /// <summary>
    /// Version 3: <c>devices.revision</c>, taken from a sequence at every write of a device (existing devices get one
    /// each now), so an ingest node checks its cached registrations with one narrow query per batch.
    /// </summary>
    private const string Version3 = """
        CREATE SEQUENCE device_revisions;
        ALTER TABLE devices ADD COLUMN revision bigint NOT NULL DEFAULT nextval('device_revisions');
        """;

    /// <summary>
    /// Version 4: <c>reading_blocks</c> replaces <c>reading_keys</c> as the idempotency key. A row per device and block
    /// of 64 consecutive seqs (<c>seq &gt;&gt; 6</c>, floor division, so negative seqs too) with a bit per seq
    /// (<c>1 &lt;&lt; (seq &amp; 63)</c>): gateways number a device's readings consecutively, so a batch claims about one row
    /// per device instead of one per reading, which made the keys cost as much as the readings. Blocks are updated as
    /// later batches fill them (fillfactor 70 leaves room for HOT updates). The keys stored so far move over.
    /// </summary>
    private const string Version4 = """
        CREATE TABLE reading_blocks (
            device_id text   NOT NULL,
            block     bigint NOT NULL,
            bits      bigint NOT NULL,
            PRIMARY KEY (device_id, block)
        ) WITH (fillfactor = 70);
        INSERT INTO reading_blocks (device_id, block, bits)
        SELECT device_id, seq >> 6, bit_or(1::bigint << (seq & 63)::int) FROM reading_keys GROUP BY device_id, seq >> 6;
        DROP TABLE reading_keys;
        """;

    /// <summary>
    /// Version 5 (issue 6, remote configuration): per gateway the desired document with its version (set by the cloud;
    /// a write only replaces a lower version) and the gateway's last report with the version it applied.
    /// </summary>
    private const string Version5 = """
        CREATE TABLE gateway_desired (
            gateway_id      text        PRIMARY KEY,
            version         bigint      NOT NULL CHECK (version >= 1),
            document        text        NOT NULL,
            updated_by      text        NOT NULL,
            updated_unix_ms bigint      NOT NULL
        );
        CREATE TABLE gateway_reported (
            gateway_id       text   PRIMARY KEY,
            applied_version  bigint NOT NULL,
            document         text   NOT NULL,
            via              text   NOT NULL,
            received_unix_ms bigint NOT NULL
        );
        """;

    /// <summary>
    /// Version 6 (issue 8, alarms): one row per alarm (key subject + kind + start hour, a stable opaque id, its state and
    /// latest figure) and one per change with its evidence window, detail, figure and operator.
    /// </summary>
    private const string Version6 = """
        CREATE TABLE alarms (
            alarm_id                 text    PRIMARY KEY,
            subject_id               text    NOT NULL,
            kind                     text    NOT NULL,
            start_unix_ms            bigint  NOT NULL,
            area_id                  text    NOT NULL,
            meter_id                 text    NULL,
            latching                 boolean NOT NULL,
            confirmed_until_unix_ms  bigint  NOT NULL,
            cleared_unix_ms          bigint  NULL,
            operator_cleared_unix_ms bigint  NULL,
            acknowledged             boolean NOT NULL,
            detail                   text    NOT NULL,
            value_m3                 numeric NULL,
            updated_unix_ms          bigint  NOT NULL,
            UNIQUE (subject_id, kind, start_unix_ms)
        );
        CREATE TABLE alarm_changes (
            alarm_id              text    NOT NULL REFERENCES alarms (alarm_id),
            ordinal               int     NOT NULL CHECK (ordinal >= 0),
            kind                  text    NOT NULL,
            evidence_from_unix_ms bigint  NOT NULL,
            evidence_to_unix_ms   bigint  NOT NULL,
            detail                text    NOT NULL,
            value_m3              numeric NULL,
            operator              text    NULL,
            at_unix_ms            bigint  NOT NULL,
            PRIMARY KEY (alarm_id, ordinal)
        );
        """;
}
