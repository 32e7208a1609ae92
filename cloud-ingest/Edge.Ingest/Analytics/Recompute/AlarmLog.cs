namespace Edge.Ingest.Analytics.Recompute;

/// <summary>Log messages of alarm storage and recomputation.</summary>
internal static partial class AlarmLog
{
    [LoggerMessage(EventId = 801, Level = LogLevel.Error, Message = "Alarm changes could not be stored; the alarm book was read back from the store.")]
    public static partial void SaveFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 802, Level = LogLevel.Warning, Message = "Stored alarm {AlarmId} of kind '{Kind}' is not understood by this build and is left out.")]
    public static partial void Unreadable(ILogger logger, string alarmId, string kind);

    [LoggerMessage(EventId = 803, Level = LogLevel.Error, Message = "Recomputing the alarms of {Subject} failed; it is tried again at the next timer tick.")]
    public static partial void RecomputeFailed(ILogger logger, string subject, Exception exception);

    [LoggerMessage(EventId = 804, Level = LogLevel.Warning, Message = "More than {Capacity} meters wait for {Purpose}; every meter is recomputed from {From:O}.")]
    public static partial void QueueOverflow(ILogger logger, int capacity, string purpose, DateTimeOffset from);
}
