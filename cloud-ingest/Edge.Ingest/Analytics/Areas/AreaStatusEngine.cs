namespace Edge.Ingest.Analytics.Areas;

/// <summary>
/// The disaster area status of one area, fed hour by hour (issue 8): suspected outage when at least
/// <see cref="AreaStatusOptions.OutageZeroShare"/> of the normally active meters read zero and the area volume is at
/// most <see cref="AreaStatusOptions.OutageVolumeShare"/> of the baseline for <see cref="AreaStatusOptions.OutageHours"/>
/// consecutive hours (<see cref="AreaStatusOptions.DisasterOutageHours"/> in disaster mode); "communications lost"
/// instead when at least <see cref="AreaStatusOptions.SilentShare"/> of the meters are silent; then restoring and
/// restored by the share of outage meters that resumed use. Deterministic: the same hours from the same start give
/// the same statuses, so a backfilled window is recomputed by feeding it again from a fresh engine.
/// </summary>
public sealed partial class AreaStatusEngine
{
    private readonly AreaBaseline _baseline;
    private readonly AreaStatusOptions _options;
    private readonly TimeZoneInfo _zone;
    private readonly AreaMeters _meters;
    private readonly bool[] _runZero;
    private readonly bool[] _outage;
    private readonly bool[] _resumed;
    private AreaStatusKind _state = AreaStatusKind.Normal;
    private DateTimeOffset _since = DateTimeOffset.MinValue;
    private DateTimeOffset? _previous;
    private DateTimeOffset _runStart;
    private int _run;
    private DateTimeOffset _restoredStart;
    private int _restoredRun;
    private DateTimeOffset? _silentSince;
    private int _outageCount;
    private int _resumedCount;
    private decimal? _thinEvidence;

    /// <summary>Creates an engine in the normal state.</summary>
    public AreaStatusEngine(AreaBaseline baseline, AreaStatusOptions options, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(zone);
        _baseline = baseline;
        _options = options;
        _zone = zone;
        _meters = baseline.Meters;
        _runZero = new bool[_meters.Count];
        _outage = new bool[_meters.Count];
        _resumed = new bool[_meters.Count];
    }

    /// <summary>The status after the latest hour, or null before the first.</summary>
    public AreaStatusSnapshot? Current { get; private set; }

    /// <summary>Feeds every hour of <paramref name="hours"/> to a fresh engine; one snapshot per hour.</summary>
    public static IReadOnlyList<AreaStatusSnapshot> Evaluate(
        AreaBaseline baseline, IEnumerable<AreaHour> hours, AreaStatusOptions options, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(hours);
        var engine = new AreaStatusEngine(baseline, options, zone);
        return [.. hours.Select(engine.Step)];
    }

    /// <summary>Judges the next hour.</summary>
    /// <exception cref="ArgumentException">
    /// The hour is not a whole UTC hour, not after the previous one, or its volumes are not one per meter.
    /// </exception>
    public AreaStatusSnapshot Step(AreaHour hour)
    {
        ArgumentNullException.ThrowIfNull(hour);
        Check(hour);
        if (_previous is { } previous && hour.Start != previous.AddHours(1))
        {
            // Consecutive hours only: a hole restarts the runs.
            _run = 0;
            _restoredRun = 0;
        }

        _previous = hour.Start;
        _thinEvidence = null;
        var slot = HourOfWeek.Of(hour.Start, _zone);
        var tally = Tally(hour, slot);
        if (_meters.Count > 0 && tally.Reporting <= (1 - _options.SilentShare) * _meters.Count)
        {
            _silentSince ??= hour.Start;
            _run = 0;
            _restoredRun = 0;
            return Current = Snapshot(hour.Start, tally, AreaStatusKind.CommunicationsLost, _silentSince.Value);
        }

        _silentSince = null;
        if (_state is AreaStatusKind.SuspectedOutage or AreaStatusKind.Restoring)
        {
            Restore(hour);
        }
        else
        {
            Detect(hour, tally);
        }

        var status = _state == AreaStatusKind.Normal && tally.Baseline is null ? AreaStatusKind.NoBaseline : _state;
        return Current = Snapshot(hour.Start, tally, status, status == AreaStatusKind.NoBaseline ? hour.Start : _since);
    }

    private void Check(AreaHour hour)
    {
        if (hour.VolumesM3.Count != _meters.Count)
        {
            throw new ArgumentException(
                $"Area '{_meters.AreaId}': the hour {hour.Start:O} has {hour.VolumesM3.Count} volumes for {_meters.Count} meters.", nameof(hour));
        }

        if (!MeterSeries.IsWholeHour(hour.Start) || (_previous is { } previous && hour.Start <= previous))
        {
            throw new ArgumentException(
                $"Area '{_meters.AreaId}': the hour {hour.Start:O} is not a whole UTC hour after the previous one.", nameof(hour));
        }
    }
}
