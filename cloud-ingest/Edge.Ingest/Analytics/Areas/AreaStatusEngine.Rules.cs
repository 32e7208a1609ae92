namespace Edge.Ingest.Analytics.Areas;

public sealed partial class AreaStatusEngine
{
    private void Detect(AreaHour hour, HourTally tally)
    {
        var active = _baseline.ActiveFlags(tally.Slot);
        var outage = active is not null && tally.Active > 0 && tally.Baseline is { } baseline
            && tally.ZeroActive >= _options.OutageZeroShare * tally.Active
            && tally.Volume <= _options.OutageVolumeShare * baseline;
        if (!outage)
        {
            _run = 0;
            return;
        }

        // Few witnesses or little water to miss (a small area at night): zeros prove nothing, the status stays.
        if (Evidence(tally) is { } evidence and < 1m)
        {
            _thinEvidence = evidence;
            _run = 0;
            return;
        }

        if (_run++ == 0)
        {
            _runStart = hour.Start;
            for (var m = 0; m < _meters.Count; m++)
            {
                _runZero[m] = true;
            }
        }

        // The outage meters are the normally active meters that read zero in every hour of the run.
        for (var m = 0; m < _meters.Count; m++)
        {
            _runZero[m] &= active![m] && hour.VolumesM3[m] is { } v && v < _options.ZeroBelowM3;
        }

        var needed = _options.DisasterMode ? _options.DisasterOutageHours : _options.OutageHours;
        if (_run < needed)
        {
            return;
        }

        _state = AreaStatusKind.SuspectedOutage;
        _since = _runStart;
        _outageCount = 0;
        _resumedCount = 0;
        for (var m = 0; m < _meters.Count; m++)
        {
            _outage[m] = _runZero[m];
            _resumed[m] = false;
            _outageCount += _outage[m] ? 1 : 0;
        }

        _run = 0;
        _restoredRun = 0;
    }

    /// <summary>
    /// How much of the evidence an outage needs the hour had: the smaller of normally active meters over
    /// <see cref="AreaStatusOptions.MinNormallyActiveMeters"/> and baseline volume over
    /// <see cref="AreaStatusOptions.MinBaselineVolumeM3"/>, each capped at 1 (1 = enough).
    /// </summary>
    private decimal Evidence(HourTally tally)
    {
        var meters = _options.MinNormallyActiveMeters <= 0 ? 1m : Math.Min(1m, (decimal)tally.Active / _options.MinNormallyActiveMeters);
        var volume = _options.MinBaselineVolumeM3 <= 0 ? 1m : Math.Min(1m, (tally.Baseline ?? 0m) / _options.MinBaselineVolumeM3);
        return Math.Min(meters, volume);
    }

    private void Restore(AreaHour hour)
    {
        for (var m = 0; m < _meters.Count; m++)
        {
            if (_outage[m] && !_resumed[m] && hour.VolumesM3[m] is { } v && v >= _options.ZeroBelowM3)
            {
                _resumed[m] = true;
                _resumedCount++;
            }
        }

        var share = _outageCount == 0 ? 1m : (decimal)_resumedCount / _outageCount;
        if (_state == AreaStatusKind.SuspectedOutage && share >= _options.RestoringShare)
        {
            _state = AreaStatusKind.Restoring;
            _since = hour.Start;
        }

        if (share < _options.RestoredShare)
        {
            _restoredRun = 0;
            return;
        }

        if (_restoredRun++ == 0)
        {
            _restoredStart = hour.Start;
        }

        if (_restoredRun >= _options.RestoredHours)
        {
            _state = AreaStatusKind.Restored;
            _since = _restoredStart;
        }
    }
}
