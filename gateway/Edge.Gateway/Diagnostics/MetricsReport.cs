using System.Reflection;
using Edge.Gateway.Hosting;
using Edge.Gateway.Links;
using Edge.Gateway.Links.Routing;
using Edge.Gateway.Store;
using Microsoft.Extensions.Options;

namespace Edge.Gateway.Diagnostics;

/// <summary>
/// The gateway's metrics in Prometheus text format (README, "Health and metrics"): the running counters, store
/// commit latency, what waits in the store per class, gap records, and each link's state and bytes.
/// </summary>
internal sealed partial class MetricsReport(
    GatewayCounters counters,
    GatewayDatabase database,
    StoreProbe probe,
    IServiceProvider services,
    IOptions<GatewayOptions> options,
    TimeProvider time,
    ILogger<MetricsReport> logger)
{
    private const string P = "edge_gateway_";

    private readonly SemaphoreSlim _statsGate = new(1, 1);
    private readonly DateTimeOffset _started = time.GetUtcNow();
    private StoreStats? _stats;

    /// <summary>When the gateway (this object, created at start) started.</summary>
    public DateTimeOffset Started => _started;

    /// <summary>The links of link choice, else any the host registered as <see cref="ILink"/> (none in a stripped-down host).</summary>
    public IReadOnlyList<ILink> Links() =>
        services.GetService<LinkRouter>() is { } router
            ? [.. router.Lanes.Select(lane => lane.Link)]
            : [.. services.GetServices<ILink>().Distinct()];

    /// <summary>Link choice's view of each link (hysteresis state, bytes per budget period, budget left); empty without a router.</summary>
    public IReadOnlyList<LinkStatus> LinkStatuses(DateTimeOffset now) => services.GetService<LinkRouter>()?.Status(now) ?? [];

    /// <summary>
    /// The store statistics, read again when older than <see cref="HealthOptions.StoreStatsMaxAge"/>; null if the
    /// store cannot be read.
    /// </summary>
    public async Task<StoreStats?> StoreStatsAsync(CancellationToken cancellationToken)
    {
        await _statsGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = time.GetUtcNow();
            if (_stats is { } cached && now - cached.At <= options.Value.Health.StoreStatsMaxAge)
            {
                return cached;
            }

            _stats = await Task.Run(() => StoreStats.Read(database, now), cancellationToken).ConfigureAwait(false);
            return _stats;
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException or InvalidOperationException)
        {
            LogStatsFailed(logger, ex);
            return null;
        }
        finally
        {
            _statsGate.Release();
        }
    }

    /// <summary>The exposition text.</summary>
    public async Task<string> RenderAsync(CancellationToken cancellationToken)
    {
        var stats = await StoreStatsAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var w = new PrometheusWriter();
        WriteProcess(w, now);
        WriteCounters(w);
        WriteStoreHealth(w, now);
        WriteStore(w, stats, now);
        WriteLinks(w, now);
        WriteControl(w, now);
        return w.ToString();
    }

    private void WriteProcess(PrometheusWriter w, DateTimeOffset now)
    {
        var version = typeof(MetricsReport).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        w.Family(P + "build_info", "gauge", "Always 1; the labels name the gateway and its build.")
            .Sample(P + "build_info", 1, ("gateway", options.Value.Id), ("version", version), ("arch", System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant()));
        w.Family(P + "start_time_seconds", "gauge", "When the gateway started, Unix time in seconds.")
            .Sample(P + "start_time_seconds", _started.ToUnixTimeMilliseconds() / 1000.0);
        w.Family(P + "uptime_seconds", "gauge", "Seconds since the gateway started.")
            .Sample(P + "uptime_seconds", Seconds(now - _started));
    }

    private void WriteCounters(PrometheusWriter w)
    {
        w.Family(P + "frames_total", "counter", "Device frames by result: accepted (committed and acknowledged) or refused.")
            .Sample(P + "frames_total", counters.FramesAccepted, ("result", "accepted"))
            .Sample(P + "frames_total", counters.FramesRefused, ("result", "refused"));
        w.Family(P + "readings_total", "counter", "Readings by result: stored, or duplicate of one already in the store.")
            .Sample(P + "readings_total", counters.ReadingsStored, ("result", "stored"))
            .Sample(P + "readings_total", counters.ReadingsDuplicate, ("result", "duplicate"));
        w.Family(P + "store_commits_total", "counter", "Frame writer transactions committed (group commit: many frames each).")
            .Sample(P + "store_commits_total", counters.StoreCommits);
        w.Family(P + "store_commit_failures_total", "counter", "Frame writer transactions that failed.")
            .Sample(P + "store_commit_failures_total", counters.StoreFailures);
        w.Family(P + "batches_cut_total", "counter", "Batches cut from stored items.")
            .Sample(P + "batches_cut_total", counters.BatchesCut);
        w.Family(P + "batches_acknowledged_total", "counter", "Batches the ingest acknowledged.")
            .Sample(P + "batches_acknowledged_total", counters.BatchesAcknowledged);
        w.Family(P + "uplink_failures_total", "counter", "Failed attempts to deliver a batch.")
            .Sample(P + "uplink_failures_total", counters.UplinkFailures);
        w.Family(P + "evicted_total", "counter", "Waiting items evicted because the store was full (each reported by a gap record).")
            .Sample(P + "evicted_total", counters.ReadingsEvicted, ("kind", "reading"))
            .Sample(P + "evicted_total", counters.EventsEvicted, ("kind", "event"));
        w.Family(P + "expired_total", "counter", "Waiting items removed after their class's TTL (each reported by a gap record).")
            .Sample(P + "expired_total", counters.ReadingsExpired, ("kind", "reading"))
            .Sample(P + "expired_total", counters.EventsExpired, ("kind", "event"));
        w.Family(P + "telegrams_total", "counter", "Meter telegrams of serial inputs by result.")
            .Sample(P + "telegrams_total", counters.TelegramsAccepted, ("result", "accepted"))
            .Sample(P + "telegrams_total", counters.TelegramsDuplicate, ("result", "duplicate"))
            .Sample(P + "telegrams_total", counters.TelegramErrors, ("result", "error"))
            .Sample(P + "telegrams_total", counters.TelegramsIgnored, ("result", "ignored"));
        w.Family(P + "input_garbage_bytes_total", "counter", "Bytes skipped on serial inputs to find the next frame.")
            .Sample(P + "input_garbage_bytes_total", counters.InputGarbageBytes);
    }

    private void WriteStoreHealth(PrometheusWriter w, DateTimeOffset now)
    {
        w.Family(P + "store_commit_seconds", "histogram", "Store transaction time, begin to commit (fsync included): frame writer and health probe.")
            .Histogram(P + "store_commit_seconds", counters.CommitLatency.Read(), ("writer", "frames"))
            .Histogram(P + "store_commit_seconds", probe.ProbeLatency.Read(), ("writer", "probe"));
        var latest = probe.Latest;
        w.Family(P + "store_writable", "gauge", "1 if the latest store check (frame commit or probe write) succeeded.")
            .Sample(P + "store_writable", latest is { Writable: true } ? 1 : 0);
        w.Family(P + "store_check_failures_total", "counter", "Store checks that found the store not taking writes.")
            .Sample(P + "store_check_failures_total", probe.Failures);
        if (probe.LastCommit is { } commit)
        {
            w.Family(P + "store_last_commit_age_seconds", "gauge", "Seconds since the last successful store commit (frames or probe).")
                .Sample(P + "store_last_commit_age_seconds", Seconds(now - commit));
        }
    }

    private static void WriteStore(PrometheusWriter w, StoreStats? stats, DateTimeOffset now)
    {
        w.Family(P + "store_stats_ok", "gauge", "1 if the store statistics below could be read.")
            .Sample(P + "store_stats_ok", stats is null ? 0 : 1);
        if (stats is null)
        {
            return;
        }

        w.Family(P + "queue_items", "gauge", "Readings and events the ingest has not acknowledged, by class and state (waiting, or in a batch already cut).");
        foreach (var c in stats.Classes)
        {
            w.Sample(P + "queue_items", c.Waiting, ("class", ClassName(c.Class)), ("state", "waiting"))
                .Sample(P + "queue_items", c.InFlight, ("class", ClassName(c.Class)), ("state", "in_flight"));
        }

        w.Family(P + "queue_oldest_age_seconds", "gauge", "Age of the oldest unacknowledged item of each class since the gateway received it; 0 when the class has none.");
        foreach (var c in stats.Classes)
        {
            w.Sample(P + "queue_oldest_age_seconds", Age(now, c.OldestReceivedUnixMs), ("class", ClassName(c.Class)));
        }

        w.Family(P + "store_estimated_bytes", "gauge", "The store size estimate per class that Store:MaxBytes limits.");
        foreach (var c in stats.Classes)
        {
            w.Sample(P + "store_estimated_bytes", c.EstimatedBytes, ("class", ClassName(c.Class)));
        }

        w.Family(P + "store_file_bytes", "gauge", "Size of the store's SQLite file plus its WAL.")
            .Sample(P + "store_file_bytes", stats.FileBytes);
        w.Family(P + "gap_records", "gauge", "Gap records (reports of lost items) the ingest has not acknowledged, by state.")
            .Sample(P + "gap_records", stats.GapsWaiting, ("state", "waiting"))
            .Sample(P + "gap_records", stats.GapsInFlight, ("state", "in_flight"));
        w.Family(P + "gap_items", "gauge", "Items the unacknowledged gap records report lost.")
            .Sample(P + "gap_items", stats.GapItems);
        w.Family(P + "gap_oldest_age_seconds", "gauge", "Age of the oldest unacknowledged gap record; 0 when there is none.")
            .Sample(P + "gap_oldest_age_seconds", Age(now, stats.OldestGapUnixMs));
        w.Family(P + "batches_pending", "gauge", "Batches cut and not yet acknowledged.")
            .Sample(P + "batches_pending", stats.BatchesPending);
        w.Family(P + "batch_oldest_age_seconds", "gauge", "Age of the oldest batch not yet acknowledged; 0 when there is none.")
            .Sample(P + "batch_oldest_age_seconds", Age(now, stats.OldestBatchUnixMs));
    }

    private void WriteLinks(PrometheusWriter w, DateTimeOffset now)
    {
        var links = Links();
        w.Family(P + "link_up", "gauge", "1 if the link's last attempt succeeded.");
        foreach (var link in links)
        {
            w.Sample(P + "link_up", link.Health.State == LinkState.Up ? 1 : 0, ("link", link.Name));
        }

        w.Family(P + "link_state", "gauge", "1 for the link's current state (unknown: nothing sent yet).");
        foreach (var link in links)
        {
            var state = link.Health.State;
            foreach (var s in Enum.GetValues<LinkState>())
            {
                w.Sample(P + "link_state", s == state ? 1 : 0, ("link", link.Name), ("state", StateName(s)));
            }
        }

        w.Family(P + "link_consecutive_failures", "gauge", "Failed attempts since the link's last success.");
        foreach (var link in links)
        {
            w.Sample(P + "link_consecutive_failures", link.Health.ConsecutiveFailures, ("link", link.Name));
        }

        w.Family(P + "link_wire_bytes_total", "counter", "Bytes on the link's wire since start, both directions, framing included.");
        foreach (var link in links)
        {
            w.Sample(P + "link_wire_bytes_total", link.Health.WireBytes, ("link", link.Name));
        }

        w.Family(P + "link_max_message_bytes", "gauge", "Largest single message the link carries.");
        foreach (var link in links)
        {
            w.Sample(P + "link_max_message_bytes", link.MaxMessageBytes, ("link", link.Name));
        }

        w.Family(P + "link_round_trip_seconds", "gauge", "How long the link's last successful delivery took (absent before the first).");
        foreach (var link in links)
        {
            if (link.Health.LastRoundTrip is { } rtt)
            {
                w.Sample(P + "link_round_trip_seconds", Seconds(rtt), ("link", link.Name));
            }
        }

        w.Family(P + "link_last_success_age_seconds", "gauge", "Seconds since the link's last successful delivery (absent before the first).");
        foreach (var link in links)
        {
            if (link.Health.LastSuccess is { } success)
            {
                w.Sample(P + "link_last_success_age_seconds", Seconds(now - success), ("link", link.Name));
            }
        }

        WriteBudgets(w, LinkStatuses(now));
    }

    // Link choice's figures: hysteresis state, wire bytes per budget period (persisted across restarts), budget left.
    private static void WriteBudgets(PrometheusWriter w, IReadOnlyList<LinkStatus> statuses)
    {
        w.Family(P + "link_route_state", "gauge", "1 for the link's state in link choice (recovering: healthy again, alarms only until the hysteresis passes).");
        foreach (var status in statuses)
        {
            foreach (var s in Enum.GetValues<LaneState>())
            {
                w.Sample(P + "link_route_state", s == status.State ? 1 : 0, ("link", status.Name), ("state", s.ToString().ToLowerInvariant()));
            }
        }

        w.Family(P + "link_period_wire_bytes", "gauge", "Wire bytes the link used in the current budget period (day, month), framing included.");
        foreach (var status in statuses)
        {
            w.Sample(P + "link_period_wire_bytes", status.Usage.DayBytes, ("link", status.Name), ("period", "day"));
            w.Sample(P + "link_period_wire_bytes", status.Usage.MonthBytes, ("link", status.Name), ("period", "month"));
        }

        w.Family(P + "link_budget_remaining_bytes", "gauge", "Budget left in the current period (absent when the link has no budget for that period).");
        foreach (var status in statuses)
        {
            if (status.DailyBytesLeft is { } day)
            {
                w.Sample(P + "link_budget_remaining_bytes", day, ("link", status.Name), ("period", "day"));
            }

            if (status.MonthlyBytesLeft is { } month)
            {
                w.Sample(P + "link_budget_remaining_bytes", month, ("link", status.Name), ("period", "month"));
            }
        }

        w.Family(P + "link_budget_exhausted", "gauge", "1 while a budget's normal share is spent and the link carries only its kept classes.");
        foreach (var status in statuses)
        {
            w.Sample(P + "link_budget_exhausted", status.Exhausted ? 1 : 0, ("link", status.Name));
        }

        w.Family(P + "link_cost_month", "gauge", "This month's wire bytes times the link's configured cost per byte.");
        foreach (var status in statuses)
        {
            w.Sample(P + "link_cost_month", status.CostThisMonth, ("link", status.Name));
        }
    }

    internal static string ClassName(DataClass dataClass) => dataClass.ToString().ToLowerInvariant();

    internal static string StateName(LinkState state) => state.ToString().ToLowerInvariant();

    private static double Seconds(TimeSpan span) => Math.Max(0, span.TotalMilliseconds) / 1000.0;

    private static double Age(DateTimeOffset now, long? unixMs) =>
        unixMs is { } ms ? Math.Max(0, now.ToUnixTimeMilliseconds() - ms) / 1000.0 : 0;

    [LoggerMessage(Level = LogLevel.Warning, Message = "could not read the store statistics for /metrics")]
    private static partial void LogStatsFailed(ILogger logger, Exception error);
}
