using Edge.Ingest.Analytics.Alarms;
using Edge.Ingest.Registry;

namespace Edge.Ingest.Analytics.Recompute;

public sealed partial class AlarmRecomputer
{
    // Hours closer than this to the previous hour to count are read in the same query (a few extra hours per meter
    // cost less than another round trip).
    private static readonly TimeSpan _spanGap = TimeSpan.FromHours(6);

    // Areas whose check failed, with the hours it had to count, tried again with the next recomputation or tick.
    private readonly Dictionary<string, (AreaCode Area, DateTimeOffset From, HashSet<DateTimeOffset> Hours)> _areaRetry =
        new(StringComparer.Ordinal);

    /// <summary>
    /// Pressure-loss events of <paramref name="area"/> over every hour from a day before <paramref name="earliest"/> to
    /// now: every meter of the area read over the whole window (the check the worker avoids; see the overload).
    /// </summary>
    public async Task RecomputeAreaAsync(AreaCode area, DateTimeOffset earliest, CancellationToken cancellationToken)
    {
        var window = AreaWindow(earliest);
        var hours = new HashSet<DateTimeOffset>();
        for (var hour = window.From; hour < window.To; hour = hour.AddHours(1))
        {
            hours.Add(hour);
        }

        await CountAndApplyAsync(area, window, hours, [], cancellationToken);
    }

    /// <summary>
    /// Pressure-loss events of <paramref name="area"/> after <paramref name="touched"/> (the series of its meters just
    /// recomputed) changed from <paramref name="earliest"/> on. Only an hour in which a touched meter flowed back can
    /// have gained an event, and only an hour of an alarm already known can have lost one, so only those hours are
    /// counted: the touched meters from their series, the others from one read of the store over those hours. With no
    /// backflow and no alarm nothing is read. Every other hour keeps the result of the check that last counted it.
    /// </summary>
    public Task RecomputeAreaAsync(
        AreaCode area, DateTimeOffset earliest, IReadOnlyList<MeterSeries> touched, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(touched);
        var window = AreaWindow(earliest);
        return CountAndApplyAsync(area, window, BackflowHours(touched, window), touched, cancellationToken);
    }

    private async Task CheckAreaAsync(
        AreaCode area, DateTimeOffset from, HashSet<DateTimeOffset> hours, IReadOnlyList<MeterSeries> touched,
        Func<string, Exception, bool> onError, CancellationToken cancellationToken)
    {
        try
        {
            await CountAndApplyAsync(area, AreaWindow(from), [.. hours], touched, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && onError(area.Code, ex))
        {
            var (_, knownFrom, knownHours) = _areaRetry.TryGetValue(area.Code, out var known) ? known : (area, from, []);
            knownHours.UnionWith(hours);
            _areaRetry[area.Code] = (area, knownFrom < from ? knownFrom : from, knownHours);
        }
    }

    private async Task RetryAreasAsync(Func<string, Exception, bool> onError, CancellationToken cancellationToken)
    {
        if (_areaRetry.Count == 0)
        {
            return;
        }

        var retry = _areaRetry.Values.ToList();
        _areaRetry.Clear();
        foreach (var (area, from, hours) in retry)
        {
            await CheckAreaAsync(area, from, hours, [], onError, cancellationToken);
        }
    }

    private HourWindow AreaWindow(DateTimeOffset earliest)
    {
        var now = time.GetUtcNow();
        return new HourWindow(
            MeterDataLoader.FloorHour(earliest).AddDays(-1), MeterDataLoader.CeilHour(now > earliest ? now : earliest.AddHours(1)));
    }

    private static HashSet<DateTimeOffset> BackflowHours(IEnumerable<MeterSeries> touched, HourWindow window)
    {
        var hours = new HashSet<DateTimeOffset>();
        foreach (var series in touched)
        {
            for (var i = 0; i < series.Count; i++)
            {
                if (window.Contains(series[i].Start) && MeterAlarmRules.IsBackflow(series[i]))
                {
                    hours.Add(series[i].Start);
                }
            }
        }

        return hours;
    }

    private async Task CountAndApplyAsync(
        AreaCode area, HourWindow window, HashSet<DateTimeOffset> hours, IReadOnlyList<MeterSeries> touched,
        CancellationToken cancellationToken)
    {
        // The hours of the area's known alarms are counted again too, so that one no longer shown is withdrawn.
        foreach (var alarm in await ledger.OfAsync(area.Code, AlarmKind.SuspectedPressureLoss, cancellationToken))
        {
            for (var hour = alarm.Key.Start < window.From ? window.From : alarm.Key.Start;
                 hour < alarm.ConfirmedUntil && hour < window.To; hour = hour.AddHours(1))
            {
                hours.Add(hour);
            }
        }

        if (hours.Count == 0)
        {
            // No hour can have gained or lost an event: the book already holds the result.
            return;
        }

        var thresholds = options.Value.AlarmsFor(area.Code);
        var meters = (await registry.ListByAreaAsync(area, cancellationToken))
            .Where(m => m is { Kind: DeviceKind.WaterMeter, Meter: not null }).ToList();
        var known = touched.ToDictionary(s => s.MeterId, StringComparer.Ordinal);
        var events = new List<AreaEvent>();
        foreach (var span in Spans(hours))
        {
            var series = new List<MeterSeries>(meters.Count);
            var read = new List<DeviceRegistration>();
            foreach (var meter in meters)
            {
                if (known.TryGetValue(meter.DeviceId, out var s) && s.From <= span.From && s.To >= span.To)
                {
                    series.Add(s);
                }
                else
                {
                    read.Add(meter);
                }
            }

            if (read.Count > 0)
            {
                var (first, end) = MeterDataLoader.ReadSpan(span.From, span.To);
                var rows = await store.GetAlarmReadingsAsync([.. read.Select(m => m.DeviceId)], first, end, cancellationToken);
                var byDevice = rows.GroupBy(r => r.DeviceId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
                series.AddRange(read.Select(m => MeterDataLoader.Series(m, span.From, span.To, byDevice.GetValueOrDefault(m.DeviceId) ?? [])));
            }

            events.AddRange(PressureLossRule.Evaluate(series, thresholds).Where(e => span.Contains(e.Hour)));
        }

        var episodes = PressureLossEpisodes.From(area.Code, events, window);
        await ledger.ApplyAsync(
            book => book.Apply(area.Code, [AlarmKind.SuspectedPressureLoss], window, episodes),
            _ => (area.Code, null), cancellationToken);
    }

    // The hours to count as runs to read, an hour within the gap of the previous run joining it.
    private static List<HourWindow> Spans(IEnumerable<DateTimeOffset> hours)
    {
        var spans = new List<HourWindow>();
        foreach (var hour in hours.Order())
        {
            if (spans.Count > 0 && hour <= spans[^1].To + _spanGap)
            {
                spans[^1] = new HourWindow(spans[^1].From, hour.AddHours(1));
            }
            else
            {
                spans.Add(new HourWindow(hour, hour.AddHours(1)));
            }
        }

        return spans;
    }
}
