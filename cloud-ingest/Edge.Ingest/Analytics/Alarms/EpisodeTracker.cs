namespace Edge.Ingest.Analytics.Alarms;

/// <summary>
/// The walk shared by the hourly rules: an episode opens when the raise condition is met, is confirmed by every hour
/// that still shows it, and closes after <c>clearHours</c> clearing hours in a row. Hours that are not evidence
/// (estimated, gaps) neither raise, confirm nor clear, and do not break a run of clearing hours.
/// </summary>
internal sealed class EpisodeTracker(string subjectId, AlarmKind kind, int clearHours, bool latching = false)
{
    private readonly List<AlarmEpisode> _episodes = [];
    private AlarmEpisode? _open;
    private int _clearing;
    private DateTimeOffset _clearFrom;

    /// <summary>Whether an episode is open.</summary>
    public bool IsOpen => _open is not null;

    /// <summary>Opens an episode unless one is open; otherwise confirms it.</summary>
    public void Raise(DateTimeOffset start, HourWindow evidence, string detail, decimal? value)
    {
        _clearing = 0;
        if (_open is null)
        {
            _open = new AlarmEpisode(subjectId, kind, start, evidence, evidence.To, null, detail, value, latching);
        }
        else
        {
            Confirm(evidence.To, detail, value);
        }
    }

    /// <summary>Records an hour that still shows the condition of the open episode.</summary>
    public void Confirm(DateTimeOffset until, string detail, decimal? value)
    {
        _clearing = 0;
        if (_open is not null)
        {
            _open = _open with { ConfirmedUntil = until, Detail = detail, ValueM3 = value };
        }
    }

    /// <summary>Records an hour that still shows the condition, keeping the detail and figure.</summary>
    public void Hold(DateTimeOffset until)
    {
        if (_open is not null)
        {
            Confirm(until, _open.Detail, _open.ValueM3);
        }
    }

    /// <summary>Records a clearing hour; the episode closes after enough of them in a row.</summary>
    public void Clearing(HourWindow hour)
    {
        if (_open is null)
        {
            return;
        }

        if (_clearing == 0)
        {
            _clearFrom = hour.From;
        }

        if (++_clearing >= clearHours)
        {
            _episodes.Add(_open with { ClearEvidence = new HourWindow(_clearFrom, hour.To) });
            _open = null;
            _clearing = 0;
        }
    }

    /// <summary>The episodes found, the open one last.</summary>
    public IReadOnlyList<AlarmEpisode> Finish()
    {
        if (_open is not null)
        {
            _episodes.Add(_open);
            _open = null;
        }

        return _episodes;
    }
}
