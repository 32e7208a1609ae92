namespace Edge.Ingest.Analytics.Areas;

public sealed partial class AreaStatusEngine
{
    private HourTally Tally(AreaHour hour, int slot)
    {
        var active = _baseline.ActiveFlags(slot);
        // An array (the usual case) is walked as a span: no interface call per meter in a ward of 100,000.
        ReadOnlySpan<decimal?> volumes = hour.VolumesM3 is decimal?[] array ? array : [.. hour.VolumesM3];
        var zero = _options.ZeroBelowM3;
        var (reporting, activeCount, zeroActive, volume) = (0, 0, 0, 0m);
        for (var m = 0; m < volumes.Length; m++)
        {
            var isActive = active is not null && active[m];
            activeCount += isActive ? 1 : 0;
            if (volumes[m] is not { } v)
            {
                continue;
            }

            reporting++;
            volume += v;
            zeroActive += isActive && v < zero ? 1 : 0;
        }

        return new HourTally(slot, reporting, activeCount, zeroActive, volume, _baseline.MedianVolumeM3(slot));
    }

    private AreaStatusSnapshot Snapshot(DateTimeOffset hour, HourTally tally, AreaStatusKind status, DateTimeOffset since)
    {
        var inOutage = _state is AreaStatusKind.SuspectedOutage or AreaStatusKind.Restoring;
        var households = inOutage
            ? (int)Math.Round((_outageCount - _resumedCount) * _options.HouseholdsPerMeter, MidpointRounding.AwayFromZero)
            : 0;
        var ratio = tally.Active == 0 ? 0m : (decimal)tally.ZeroActive / tally.Active;
        var confidence = _meters.Count == 0 ? 0m : (decimal)tally.Reporting / _meters.Count;
        var baseline = tally.Baseline is { } b ? AnalyticsText.Of($"{b} m³") : "unknown";
        var detail = AnalyticsText.Of(
            $"{tally.ZeroActive} of {tally.Active} normally active meters read zero; {tally.Reporting} of {_meters.Count} reporting; area volume {tally.Volume} m³ against a baseline of {baseline}.");
        if (_thinEvidence is { } evidence)
        {
            // The hour looks like an outage but is too thin to call one: confidence scaled by the evidence it had.
            confidence *= evidence;
            detail += AnalyticsText.Of(
                $" Too little evidence to declare an outage: it needs at least {_options.MinNormallyActiveMeters} normally active meters and a baseline of at least {_options.MinBaselineVolumeM3} m³ in this hour.");
        }
        return new AreaStatusSnapshot(_meters.AreaId, hour, status, since, _meters.Count, tally.Reporting, tally.Active, ratio,
            tally.Volume, tally.Baseline, inOutage || _state == AreaStatusKind.Restored ? _outageCount : 0,
            inOutage || _state == AreaStatusKind.Restored ? _resumedCount : 0, households, confidence, detail);
    }

    private readonly record struct HourTally(int Slot, int Reporting, int Active, int ZeroActive, decimal Volume, decimal? Baseline);
}
