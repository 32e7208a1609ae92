namespace Edge.Ingest.Analytics.Alarms;

/// <summary>
/// The alarm lifecycle (issue 8): merges the episodes a rule found over a recomputed window into the alarms known so
/// far. An episode that overlaps a known alarm of the same subject and kind is that alarm, even if backfill moved its
/// start, so an old alarm is never raised again as new; applying the same episodes twice changes nothing. Each change
/// keeps the hours behind it. In memory; storage keeps <see cref="Alarms"/> and feeds the changes to the stream.
/// </summary>
public sealed partial class AlarmBook
{
    private readonly Dictionary<(string Subject, AlarmKind Kind), List<Alarm>> _alarms = [];
    private readonly Dictionary<AlarmKey, Alarm> _byKey = [];

    /// <summary>Every alarm, in no particular order.</summary>
    public IEnumerable<Alarm> Alarms => _byKey.Values;

    /// <summary>The alarm with <paramref name="key"/>, or null.</summary>
    public Alarm? Find(AlarmKey key) => _byKey.GetValueOrDefault(key);

    /// <summary>The alarms of <paramref name="subjectId"/> and <paramref name="kind"/> (a copy), in no particular order.</summary>
    public IReadOnlyList<Alarm> Of(string subjectId, AlarmKind kind) =>
        _alarms.TryGetValue((subjectId, kind), out var list) ? [.. list] : [];

    /// <summary>
    /// Merges the episodes <paramref name="episodes"/> that rules of <paramref name="kinds"/> found for
    /// <paramref name="subjectId"/> over <paramref name="recomputed"/>. An open alarm of those kinds starting inside the
    /// window that no episode matches any more is withdrawn (cleared).
    /// </summary>
    /// <returns>The changes, in order.</returns>
    public IReadOnlyList<AlarmChange> Apply(
        string subjectId, IReadOnlyCollection<AlarmKind> kinds, HourWindow recomputed, IEnumerable<AlarmEpisode> episodes)
    {
        ArgumentException.ThrowIfNullOrEmpty(subjectId);
        ArgumentNullException.ThrowIfNull(kinds);
        ArgumentNullException.ThrowIfNull(episodes);
        var sorted = episodes.OrderBy(e => e.Start).ThenBy(e => e.Kind).ToList();
        foreach (var episode in sorted)
        {
            if (!string.Equals(episode.SubjectId, subjectId, StringComparison.Ordinal) || !kinds.Contains(episode.Kind))
            {
                throw new ArgumentException(
                    $"An episode of '{episode.SubjectId}' ({episode.Kind}) is not one of the subject and kinds recomputed.", nameof(episodes));
            }
        }

        var changes = new List<AlarmChange>();
        var matched = new HashSet<AlarmKey>();
        foreach (var episode in sorted)
        {
            var list = ListOf(subjectId, episode.Kind);
            var alarm = list.Find(a => Overlaps(a, episode)) ?? _byKey.GetValueOrDefault(new AlarmKey(subjectId, episode.Kind, episode.Start));
            if (alarm is null)
            {
                alarm = Raise(episode, changes);
                list.Add(alarm);
            }
            else
            {
                alarm = Update(alarm, episode, changes);
                list[list.FindIndex(a => a.Key == alarm.Key)] = alarm;
            }

            _byKey[alarm.Key] = alarm;
            matched.Add(alarm.Key);
        }

        Withdraw(subjectId, kinds, recomputed, matched, changes);
        return changes;
    }

    private List<Alarm> ListOf(string subject, AlarmKind kind)
    {
        if (!_alarms.TryGetValue((subject, kind), out var list))
        {
            list = [];
            _alarms[(subject, kind)] = list;
        }

        return list;
    }

    // The episode holds over [Start, end of its condition); the alarm over [Start, HeldUntil).
    private static bool Overlaps(Alarm alarm, AlarmEpisode episode)
    {
        var episodeEnd = episode.ClearEvidence?.From ?? episode.ConfirmedUntil;
        return episode.Start < alarm.HeldUntil && episodeEnd > alarm.Key.Start;
    }

    private static Alarm Raise(AlarmEpisode episode, List<AlarmChange> changes)
    {
        var key = new AlarmKey(episode.SubjectId, episode.Kind, episode.Start);
        var history = new List<AlarmChange> { new(key, AlarmChangeKind.Raised, episode.RaiseEvidence, episode.Detail, episode.ValueM3) };
        if (episode.ConfirmedUntil > episode.RaiseEvidence.To)
        {
            history.Add(new(key, AlarmChangeKind.Confirmed, new HourWindow(episode.RaiseEvidence.To, episode.ConfirmedUntil), episode.Detail, episode.ValueM3));
        }

        if (episode.ClearedAt is not null)
        {
            history.Add(new(key, AlarmChangeKind.Cleared, episode.ClearEvidence!.Value, episode.Detail, episode.ValueM3));
        }

        changes.AddRange(history);
        return new Alarm(key, episode.ConfirmedUntil, episode.ClearEvidence?.From is { } c && !episode.Latching ? c : null,
            null, false, episode.Detail, episode.ValueM3, episode.Latching, history);
    }

    private static Alarm Update(Alarm alarm, AlarmEpisode episode, List<AlarmChange> changes)
    {
        if (alarm.OperatorClearedAt is not null)
        {
            return alarm;
        }

        var history = alarm.History.ToList();
        var clearedAt = episode.Latching ? null : episode.ClearEvidence?.From;
        var reopened = alarm.ClearedAt is not null && clearedAt is null;
        if (episode.ConfirmedUntil > alarm.ConfirmedUntil || reopened || episode.Detail != alarm.Detail)
        {
            var from = episode.ConfirmedUntil > alarm.ConfirmedUntil ? alarm.ConfirmedUntil : episode.RaiseEvidence.From;
            history.Add(new(alarm.Key, AlarmChangeKind.Confirmed, new HourWindow(from, episode.ConfirmedUntil), episode.Detail, episode.ValueM3));
        }

        if (clearedAt is not null && clearedAt != alarm.ClearedAt)
        {
            history.Add(new(alarm.Key, AlarmChangeKind.Cleared, episode.ClearEvidence!.Value, episode.Detail, episode.ValueM3));
        }

        if (history.Count == alarm.History.Count)
        {
            return alarm;
        }

        changes.AddRange(history.Skip(alarm.History.Count));
        var confirmed = episode.ConfirmedUntil > alarm.ConfirmedUntil ? episode.ConfirmedUntil : alarm.ConfirmedUntil;
        return alarm with
        {
            ConfirmedUntil = confirmed, ClearedAt = clearedAt, Detail = episode.Detail, ValueM3 = episode.ValueM3, History = history,
        };
    }

    private void Withdraw(string subjectId, IReadOnlyCollection<AlarmKind> kinds, HourWindow recomputed, HashSet<AlarmKey> matched, List<AlarmChange> changes)
    {
        foreach (var kind in kinds)
        {
            var list = ListOf(subjectId, kind);
            for (var i = 0; i < list.Count; i++)
            {
                var alarm = list[i];
                if (!alarm.IsOpen || matched.Contains(alarm.Key) || !recomputed.Contains(alarm.Key.Start))
                {
                    continue;
                }

                var change = new AlarmChange(alarm.Key, AlarmChangeKind.Cleared, recomputed,
                    "Withdrawn: the recomputed hours no longer show the condition.", alarm.ValueM3);
                changes.Add(change);
                // Cleared where it was last confirmed, so that data showing it again reopens this alarm.
                list[i] = alarm with { ClearedAt = alarm.ConfirmedUntil, History = [.. alarm.History, change] };
                _byKey[alarm.Key] = list[i];
            }
        }
    }
}
