namespace Edge.Ingest.Analytics.Alarms;

/// <summary>
/// No communication (issue 8): late after the device's expected upload interval plus a grace (24 h + 2 h = 26 h by
/// default), lost after <see cref="MeterAlarmOptions.LostAfterIntervals"/> intervals (72 h). Judged from the times
/// the ingest received the device's uploads, so a backfilled batch with old observed times still counts as contact
/// when it arrived.
/// </summary>
public static class CommunicationRule
{
    /// <summary>The status at <paramref name="at"/> given the contacts up to then.</summary>
    /// <param name="contacts">Receipt times of the device's uploads, ascending.</param>
    /// <param name="expectedInterval">The device's upload interval; null for the default.</param>
    /// <param name="at">The moment judged.</param>
    /// <param name="options">Thresholds.</param>
    public static CommunicationStatus StatusAt(
        IReadOnlyList<DateTimeOffset> contacts, TimeSpan? expectedInterval, DateTimeOffset at, MeterAlarmOptions options)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        ArgumentNullException.ThrowIfNull(options);
        DateTimeOffset? last = null;
        foreach (var contact in contacts)
        {
            if (contact > at)
            {
                break;
            }

            last = contact;
        }

        if (last is not { } seen)
        {
            return CommunicationStatus.Never;
        }

        var (late, lost) = Limits(expectedInterval, options);
        var silence = at - seen;
        return silence > lost ? CommunicationStatus.Lost : silence > late ? CommunicationStatus.Late : CommunicationStatus.Ok;
    }

    /// <summary>The silences longer than the late limit up to <paramref name="asOf"/>, each ended by the next contact.</summary>
    public static IReadOnlyList<AlarmEpisode> Evaluate(
        string deviceId, IReadOnlyList<DateTimeOffset> contacts, TimeSpan? expectedInterval, DateTimeOffset asOf, MeterAlarmOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(deviceId);
        ArgumentNullException.ThrowIfNull(contacts);
        ArgumentNullException.ThrowIfNull(options);
        var (late, lost) = Limits(expectedInterval, options);
        var episodes = new List<AlarmEpisode>();
        for (var k = 0; k < contacts.Count && contacts[k] <= asOf; k++)
        {
            if (k > 0 && contacts[k] < contacts[k - 1])
            {
                throw new ArgumentException("Contacts must be in ascending order.", nameof(contacts));
            }

            var next = k + 1 < contacts.Count && contacts[k + 1] <= asOf ? contacts[k + 1] : (DateTimeOffset?)null;
            var silence = (next ?? asOf) - contacts[k];
            if (silence <= late)
            {
                continue;
            }

            var becameLate = contacts[k] + late;
            var level = silence > lost ? "lost" : "late";
            var detail = AnalyticsText.Of(
                $"No upload since {contacts[k].UtcDateTime:yyyy-MM-dd'T'HH:mm'Z'} ({level}: late after {late.TotalHours:0.#} h, lost after {lost.TotalHours:0.#} h).");
            var evidence = new HourWindow(FloorHour(contacts[k]), CeilHour(next ?? asOf));
            var clear = next is { } n ? new HourWindow(FloorHour(n), FloorHour(n).AddHours(1)) : (HourWindow?)null;
            episodes.Add(new AlarmEpisode(deviceId, AlarmKind.NoCommunication, FloorHour(becameLate), evidence,
                CeilHour(next ?? asOf), clear, detail));
        }

        return episodes;
    }

    private static (TimeSpan Late, TimeSpan Lost) Limits(TimeSpan? expectedInterval, MeterAlarmOptions options)
    {
        var interval = expectedInterval ?? options.DefaultUploadInterval;
        if (interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(expectedInterval), interval, "An upload interval must be positive.");
        }

        return (interval + options.LateGrace, interval * options.LostAfterIntervals);
    }

    private static DateTimeOffset FloorHour(DateTimeOffset at) =>
        new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero);

    private static DateTimeOffset CeilHour(DateTimeOffset at)
    {
        var floor = FloorHour(at);
        return floor == at ? floor : floor.AddHours(1);
    }
}
