namespace Edge.Ingest.Storage;

/// <summary>
/// What the alarm rules read of one stored reading (<see cref="IIngestStore.GetAlarmReadingsAsync"/>): enough for the
/// hourly volumes (volume channel, value, unit, reverse flag), the hour's flags and the upload contacts, and no more.
/// </summary>
/// <param name="DeviceId">Device id.</param>
/// <param name="Channel">Channel name.</param>
/// <param name="ObservedUnixMs">Observed time, Unix milliseconds UTC.</param>
/// <param name="ReceivedUnixMs">Time the ingest received the batch, Unix milliseconds UTC.</param>
/// <param name="Flags">Device status flags.</param>
/// <param name="Value">Canonical value.</param>
/// <param name="Unit">Canonical unit symbol.</param>
public sealed record AlarmReading(
    string DeviceId, string Channel, long ObservedUnixMs, long ReceivedUnixMs, int Flags, double Value, string Unit);
