namespace Edge.Gateway.Store;

/// <summary>One event as the store keeps it (a row of the events table); (device, seq, kind) is unique.</summary>
/// <param name="Device">Device id.</param>
/// <param name="Seq">Sequence number of the reading the event was derived from.</param>
/// <param name="ObservedUnixMs">Observed time of that reading, Unix milliseconds UTC.</param>
/// <param name="Kind">Event kind, e.g. <c>tamper</c>.</param>
/// <param name="Detail">Free text for people, e.g. <c>seq 18</c>.</param>
/// <param name="ReceivedUnixMs">When the gateway received it, Unix milliseconds UTC.</param>
/// <param name="Class">Priority class: alarm or status.</param>
internal sealed record EventRecord(
    string Device,
    long Seq,
    long ObservedUnixMs,
    string Kind,
    string? Detail,
    long ReceivedUnixMs,
    DataClass Class);
