using System.Collections.Concurrent;
using System.Globalization;
using Npgsql;

namespace Edge.Ingest.Storage.Postgres;

/// <summary>
/// Monthly partitions of <c>readings</c> (UTC months of observed time), created when first needed: at start for this
/// month and the next, and before a write for any other month the batch carries. Each is created in its own short
/// transaction before the batch's, as a plain table then <c>ATTACH PARTITION</c>: attaching takes only a SHARE UPDATE
/// EXCLUSIVE lock on <c>readings</c>, so concurrent writers and readers go on (<c>CREATE TABLE ... PARTITION OF</c>
/// would lock them all out). A partition made for a batch that then fails stays, empty and harmless. Months known to
/// exist are remembered, so the steady state costs nothing.
/// </summary>
internal sealed class PostgresPartitions
{
    /// <summary>Advisory lock key of partition creation: two nodes creating the same month queue instead of racing.</summary>
    public const int PartitionsLock = 2;

    /// <summary>Start of the first monthly partition, 2000-01-01 UTC; earlier times share <c>readings_before_2000</c>.</summary>
    public const long FirstMonthUnixMs = 946_684_800_000;

    private readonly ConcurrentDictionary<long, bool> _known = new();

    /// <summary>Name of the partition holding <paramref name="observedUnixMs"/>.</summary>
    public static string NameOf(long observedUnixMs)
    {
        if (observedUnixMs < FirstMonthUnixMs)
        {
            return "readings_before_2000";
        }

        var month = MonthStart(observedUnixMs);
        return string.Create(CultureInfo.InvariantCulture, $"readings_y{month.Year:D4}m{month.Month:D2}");
    }

    /// <summary>Creates the partitions of the months of <paramref name="observedUnixMs"/> that do not exist yet.</summary>
    public async Task EnsureAsync(
        NpgsqlDataSource dataSource, IEnumerable<long> observedUnixMs, CancellationToken cancellationToken)
    {
        List<long>? missing = null;
        var seen = new HashSet<long>();

        // Readings come in runs of one month: a reading in the month of the one before costs two comparisons.
        var (monthStart, monthEnd) = (long.MaxValue, long.MinValue);
        foreach (var ms in observedUnixMs)
        {
            if (ms < FirstMonthUnixMs || (ms >= monthStart && ms < monthEnd))
            {
                continue;
            }

            var month = MonthStart(ms);
            (monthStart, monthEnd) = (month.ToUnixTimeMilliseconds(), month.AddMonths(1).ToUnixTimeMilliseconds());
            if (seen.Add(monthStart) && !_known.ContainsKey(monthStart))
            {
                (missing ??= []).Add(monthStart);
            }
        }

        if (missing is null)
        {
            return;
        }

        await using var db = await dataSource.OpenConnectionAsync(cancellationToken);
        foreach (var start in missing)
        {
            await CreateAsync(db, start, cancellationToken);
            _known[start] = true;
        }
    }

    private static async Task CreateAsync(NpgsqlConnection db, long startUnixMs, CancellationToken cancellationToken)
    {
        var start = DateTimeOffset.FromUnixTimeMilliseconds(startUnixMs);
        var end = start.AddMonths(1).ToUnixTimeMilliseconds();
        var name = NameOf(startUnixMs);

        // Names and bounds are computed here from integers, never taken from input, so they can be spliced in.
        var sql = string.Create(CultureInfo.InvariantCulture, $"""
            DO $$
            BEGIN
                PERFORM pg_advisory_xact_lock({PostgresMigrator.LockClass}, {PartitionsLock});
                IF NOT EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                               WHERE c.relname = '{name}' AND n.nspname = current_schema() AND c.relispartition) THEN
                    CREATE TABLE IF NOT EXISTS {name} (LIKE readings INCLUDING DEFAULTS);
                    ALTER TABLE readings ATTACH PARTITION {name} FOR VALUES FROM ({startUnixMs}) TO ({end});
                END IF;
            END
            $$
            """);
        await using var command = new NpgsqlCommand(sql, db);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DateTimeOffset MonthStart(long unixMs)
    {
        var at = DateTimeOffset.FromUnixTimeMilliseconds(unixMs);
        return new DateTimeOffset(at.Year, at.Month, 1, 0, 0, 0, TimeSpan.Zero);
    }
}
