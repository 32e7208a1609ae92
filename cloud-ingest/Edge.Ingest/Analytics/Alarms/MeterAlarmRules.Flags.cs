namespace Edge.Ingest.Analytics.Alarms;

public static partial class MeterAlarmRules
{
    /// <summary>
    /// Backflow (issue 8): the reverse-flow flag in a reported hour, or a negative evidence hour. Cleared by an
    /// evidence hour that is neither.
    /// </summary>
    public static IReadOnlyList<AlarmEpisode> Backflow(MeterSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var tracker = new EpisodeTracker(series.MeterId, AlarmKind.Backflow, 1);
        for (var i = 0; i < series.Count; i++)
        {
            var hour = series[i];
            if (IsBackflow(hour))
            {
                var volume = hour.IsEvidence ? hour.VolumeM3 : null;
                tracker.Raise(hour.Start, Window(series, i, i), hour.Has(MeterFlagBits.Reverse)
                    ? "The meter flagged reverse flow."
                    : AnalyticsText.Of($"Net reverse flow of {AnalyticsText.Litres(-volume!.Value)} in one hour."), volume);
            }
            else if (hour.IsEvidence)
            {
                tracker.Clearing(Window(series, i, i));
            }
        }

        return tracker.Finish();
    }

    /// <summary>Whether <paramref name="hour"/> shows backflow: the reverse flag, or a negative evidence volume.</summary>
    public static bool IsBackflow(MeterHour hour) =>
        (hour.Reported && hour.Has(MeterFlagBits.Reverse)) || (hour.IsEvidence && hour.VolumeM3 < 0);

    /// <summary>
    /// Tamper (issue 8): latching. Each run of flagged hours is an episode that no data clears; only an operator does
    /// (<see cref="AlarmBook.ClearByOperator"/>).
    /// </summary>
    public static IReadOnlyList<AlarmEpisode> Tamper(MeterSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        return FlagRuns(series, AlarmKind.Tamper, MeterFlagBits.Tamper, "The tamper input fired.", latching: true);
    }

    /// <summary>Dry pipe (issue 8): the meter's dry flag; a reported hour without it clears.</summary>
    public static IReadOnlyList<AlarmEpisode> DryPipe(MeterSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        return FlagRuns(series, AlarmKind.DryPipe, MeterFlagBits.Dry, "The meter reports a dry pipe.", latching: false);
    }

    /// <summary>Low battery (issue 8): the meter's low-battery flag; a reported hour without it clears.</summary>
    public static IReadOnlyList<AlarmEpisode> LowBattery(MeterSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        return FlagRuns(series, AlarmKind.LowBattery, MeterFlagBits.LowBattery, "The meter reports a low battery.", latching: false);
    }

    /// <summary>
    /// Meter fault (issue 9, ECHONET Lite 0x88): the gateway flags a reading when the status changes (and once a day as
    /// a reminder while it lasts, <c>Wisun:StatusReminder</c>), not every reading, so the alarm runs from a fault flag
    /// to a cleared flag; hours with neither keep it open.
    /// </summary>
    /// <param name="series">The meter's hours.</param>
    /// <param name="openSince">
    /// The start hour of this meter's fault alarm when it was already open before <paramref name="series"/> begins (its
    /// fault flag lies before the recomputed window): the window then starts with the fault open, so a cleared flag in it
    /// clears that alarm.
    /// </param>
    public static IReadOnlyList<AlarmEpisode> MeterFault(MeterSeries series, DateTimeOffset? openSince = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        return SetReset(series, AlarmKind.MeterFault, MeterFlagBits.Fault, MeterFlagBits.FaultCleared, "The meter reports a fault.", openSince);
    }

    /// <summary>Abnormal value (issue 9, ECHONET Lite water flow meter 0xE3): from the detected flag to its cleared flag.</summary>
    /// <param name="series">The meter's hours.</param>
    /// <param name="openSince">As for <see cref="MeterFault"/>.</param>
    public static IReadOnlyList<AlarmEpisode> AbnormalValue(MeterSeries series, DateTimeOffset? openSince = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        return SetReset(series, AlarmKind.AbnormalValue, MeterFlagBits.AbnormalValue, MeterFlagBits.AbnormalValueCleared,
            "The meter detected an abnormal value in its metering data.", openSince);
    }

    // A condition announced by change: raised by the set bit, held by reported hours with neither bit, cleared by an hour
    // with the clear bit and not the set bit; open from the start when the alarm began before the series.
    private static IReadOnlyList<AlarmEpisode> SetReset(
        MeterSeries series, AlarmKind kind, int setBit, int clearBit, string detail, DateTimeOffset? openSince)
    {
        var tracker = new EpisodeTracker(series.MeterId, kind, 1);
        if (openSince is { } since && since < series.From)
        {
            tracker.Raise(since, new HourWindow(since, since.AddHours(1)), detail, null);
        }

        for (var i = 0; i < series.Count; i++)
        {
            var hour = series[i];
            if (!hour.Reported)
            {
                continue;
            }

            if (hour.Has(setBit))
            {
                tracker.Raise(hour.Start, Window(series, i, i), detail, null);
                if (hour.Has(clearBit))
                {
                    // Both in one hour: the order is not kept, so a short condition that came and went (a lasting one is
                    // flagged again by the next reminder).
                    tracker.Clearing(Window(series, i, i));
                }
            }
            else if (hour.Has(clearBit))
            {
                tracker.Clearing(Window(series, i, i));
            }
            else
            {
                tracker.Hold(Window(series, i, i).To);
            }
        }

        return tracker.Finish();
    }

    private static IReadOnlyList<AlarmEpisode> FlagRuns(MeterSeries series, AlarmKind kind, int bit, string detail, bool latching)
    {
        var tracker = new EpisodeTracker(series.MeterId, kind, 1, latching);
        for (var i = 0; i < series.Count; i++)
        {
            var hour = series[i];
            if (!hour.Reported)
            {
                continue;
            }

            if (hour.Has(bit))
            {
                tracker.Raise(hour.Start, Window(series, i, i), detail, null);
            }
            else
            {
                tracker.Clearing(Window(series, i, i));
            }
        }

        return tracker.Finish();
    }
}
