namespace Edge.Ingest.Analytics.Alarms;

/// <summary>
/// Turns the hourly <see cref="PressureLossRule"/> events of one area into alarm episodes of the area: consecutive event
/// hours are one episode, cleared by the next hour of the recomputed window that has none (its meters were read and
/// fewer than the threshold flowed back).
/// </summary>
public static class PressureLossEpisodes
{
    /// <summary>The episodes of <paramref name="areaId"/> from <paramref name="events"/> over <paramref name="window"/>.</summary>
    public static IReadOnlyList<AlarmEpisode> From(string areaId, IEnumerable<AreaEvent> events, HourWindow window)
    {
        ArgumentException.ThrowIfNullOrEmpty(areaId);
        ArgumentNullException.ThrowIfNull(events);
        var hours = events
            .Where(e => string.Equals(e.AreaId, areaId, StringComparison.Ordinal) && window.Contains(e.Hour))
            .OrderBy(e => e.Hour)
            .ToList();
        var episodes = new List<AlarmEpisode>();
        var i = 0;
        while (i < hours.Count)
        {
            var first = hours[i];
            var last = first;
            while (i + 1 < hours.Count && hours[i + 1].Hour == last.Hour.AddHours(1))
            {
                last = hours[++i];
            }

            i++;
            var end = last.Hour.AddHours(1);
            var clear = end < window.To ? new HourWindow(end, end.AddHours(1)) : (HourWindow?)null;
            episodes.Add(new AlarmEpisode(areaId, AlarmKind.SuspectedPressureLoss, first.Hour,
                new HourWindow(first.Hour, first.Hour.AddHours(1)), end, clear, last.Detail));
        }

        return episodes;
    }
}
