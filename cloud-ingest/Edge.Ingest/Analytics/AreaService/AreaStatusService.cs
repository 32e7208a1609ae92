using Edge.Ingest.Analytics.Areas;
using Edge.Ingest.Analytics.Stream;
using Edge.Ingest.Registry;
using Edge.Ingest.Storage;
using Microsoft.Extensions.Options;

namespace Edge.Ingest.Analytics.AreaService;

/// <summary>
/// Keeps every area's disaster status from stored hourly consumption (issue 8, README "Area status service"): at each
/// recompute, per status area, a baseline from the <see cref="AreaServiceOptions.BaselineWeeks"/> weeks before the status
/// window, then the window's hours through a fresh <see cref="AreaStatusEngine"/> up to the newest hour with data. The
/// latest result is <see cref="Board"/>; a change of status or a material move of its figures is published on the hub
/// (type <c>area-status</c>, scope Aggregate). <see cref="AreaStatusWorker"/> runs it hourly and after new data;
/// <see cref="RecomputeNowAsync"/> runs it at once. Recomputes never overlap.
/// </summary>
public sealed partial class AreaStatusService(
    IIngestStore store,
    IDeviceRegistry registry,
    IGatewayControlStore control,
    StatusAreaCatalogSource catalog,
    IOptions<AnalyticsOptions> analytics,
    IOptions<AreaServiceOptions> options,
    AnalyticsEventHub hub,
    TimeProvider time,
    ILogger<AreaStatusService> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private AreaStatusBoard _board = AreaStatusBoard.Empty;

    /// <summary>The result of the latest recompute.</summary>
    public AreaStatusBoard Board => Volatile.Read(ref _board);

    /// <summary>Recomputes every area's status and every sensor's level now; returns the new board.</summary>
    public async Task<AreaStatusBoard> RecomputeNowAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            var devices = await registry.ListAsync(cancellationToken);
            var areas = new List<AreaEntry>();
            foreach (var (area, meters) in Group(devices, catalog.Catalog))
            {
                areas.Add(await EvaluateAreaAsync(area, meters, now, cancellationToken));
            }

            var sensors = await ReadSensorsAsync(devices, now, cancellationToken);
            var board = new AreaStatusBoard(areas, sensors, now);
            var published = Publish(Board, board, now);
            Volatile.Write(ref _board, board);
            AreaServiceLog.Recomputed(logger, areas.Count, sensors.Count, published);
            return board;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    /// <summary>
    /// Water meters by status area, in area id order: every catalogued area (even without meters) and every area a
    /// meter names. A DMA's inflow meter is not one of its customers.
    /// </summary>
    public static IReadOnlyList<(StatusArea Area, IReadOnlyList<DeviceRegistration> Meters)> Group(
        IReadOnlyList<DeviceRegistration> devices, StatusAreaCatalog catalog)
    {
        var inflow = catalog.Areas.Where(a => a.InflowMeterId is not null).Select(a => a.InflowMeterId!).ToHashSet(StringComparer.Ordinal);
        var byArea = devices
            .Where(d => d.Kind == DeviceKind.WaterMeter && !inflow.Contains(d.DeviceId))
            .GroupBy(d => d.StatusArea, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<DeviceRegistration>)[.. g.OrderBy(d => d.DeviceId, StringComparer.Ordinal)], StringComparer.Ordinal);
        var ids = byArea.Keys.Concat(catalog.Areas.Select(a => a.Id)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return [.. ids.Select(id => (catalog.Find(id) ?? Uncatalogued(id), byArea.GetValueOrDefault(id) ?? []))];
    }

    private static StatusArea Uncatalogued(string id)
    {
        var name = AreaCode.TryParse(id, out var code, out _) ? AreaCatalog.Tokyo.NameOf(code) : null;
        return new StatusArea(id, name ?? id, null);
    }

    private int Publish(AreaStatusBoard before, AreaStatusBoard after, DateTimeOffset now)
    {
        var published = 0;
        var material = options.Value.MaterialChange;
        foreach (var area in after.Areas)
        {
            var previous = before.Areas.FirstOrDefault(a => a.Area.Id == area.Area.Id);
            if (previous is null || Moved(previous.Snapshot, area.Snapshot, material))
            {
                hub.Publish(AnalyticsEventTypes.AreaStatus, AnalyticsEventScope.Aggregate, AreaFeatures.Area(area, now));
                published++;
            }
        }

        foreach (var sensor in after.Sensors)
        {
            var previous = before.Sensors.FirstOrDefault(s => s.DeviceId == sensor.DeviceId && s.Quantity == sensor.Quantity);
            if (previous is null || previous.Level != sensor.Level)
            {
                hub.Publish(AnalyticsEventTypes.AreaStatus, AnalyticsEventScope.Aggregate, AreaFeatures.Sensor(sensor));
                published++;
            }
        }

        return published;
    }

    /// <summary>Whether the status changed or a figure moved by at least <paramref name="material"/> (households relative, at least one).</summary>
    public static bool Moved(AreaStatusSnapshot? before, AreaStatusSnapshot? after, decimal material)
    {
        if (before is null || after is null)
        {
            return before is not null || after is not null;
        }

        return before.Status != after.Status
            || (before.Since != after.Since && after.Status != AreaStatusKind.NoBaseline)
            || Math.Abs(before.ZeroFlowRatio - after.ZeroFlowRatio) >= material
            || Math.Abs(before.Confidence - after.Confidence) >= material
            || Math.Abs(before.HouseholdsWithoutWater - after.HouseholdsWithoutWater) >= Math.Max(1m, material * before.HouseholdsWithoutWater);
    }
}
