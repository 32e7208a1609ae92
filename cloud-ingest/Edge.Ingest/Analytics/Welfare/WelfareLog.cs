namespace Edge.Ingest.Analytics.Welfare;

/// <summary>Log messages of the welfare watch service.</summary>
internal static partial class WelfareLog
{
    [LoggerMessage(EventId = 821, Level = LogLevel.Error, Message = "Judging the welfare watch of {Subject} failed; it is tried again at the next timer tick.")]
    public static partial void RecomputeFailed(ILogger logger, string subject, Exception exception);
}
