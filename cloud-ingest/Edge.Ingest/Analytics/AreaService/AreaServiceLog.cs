namespace Edge.Ingest.Analytics.AreaService;

/// <summary>Log messages of the area status service.</summary>
internal static partial class AreaServiceLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Area status recomputed: {Areas} areas, {Sensors} sensor channels, {Published} changes published.")]
    public static partial void Recomputed(ILogger logger, int areas, int sensors, int published);

    [LoggerMessage(Level = LogLevel.Error, Message = "Area status recompute failed; the previous status stays until the next attempt.")]
    public static partial void Failed(ILogger logger, Exception exception);
}
