namespace Edge.Ingest.Storage;

/// <summary>
/// The welfare watch (issue 8): per household the welfare office's settings (tables <c>welfare_households</c>,
/// <c>welfare_periods</c>) and the welfare events found for it (<c>welfare_events</c>), implemented by both stores beside
/// <see cref="IIngestStore"/>. The welfare book keeps both in memory, loads them from here at start and writes every
/// change here before it is shown or published.
/// </summary>
public interface IWelfareStore
{
    /// <summary>Every household with settings, each with its snoozes and away periods (ascending start).</summary>
    Task<IReadOnlyList<StoredWelfareHousehold>> LoadWelfareHouseholdsAsync(CancellationToken cancellationToken);

    /// <summary>In one transaction: replaces the household's settings and its periods with <paramref name="household"/>'s.</summary>
    Task SaveWelfareHouseholdAsync(StoredWelfareHousehold household, CancellationToken cancellationToken);

    /// <summary>Every welfare event, ascending by time then id.</summary>
    Task<IReadOnlyList<StoredWelfareEvent>> LoadWelfareEventsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// In one transaction: adds <paramref name="events"/>; an event whose id is stored already is kept as stored (an event is
    /// recorded once). Returns how many were new.
    /// </summary>
    Task<int> AddWelfareEventsAsync(IReadOnlyList<StoredWelfareEvent> events, CancellationToken cancellationToken);

    /// <summary>
    /// Records that <paramref name="by"/> acknowledged the event <paramref name="id"/> at <paramref name="atUnixMs"/>, unless it
    /// is acknowledged already (the first acknowledgement is kept). Returns false when no event has that id.
    /// </summary>
    Task<bool> AcknowledgeWelfareEventAsync(string id, string by, long atUnixMs, CancellationToken cancellationToken);
}
