namespace Edge.Ingest.Registry;

/// <summary>Log messages of the device registry.</summary>
internal static partial class RegistryLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Registered {Count} devices from the seed {Path}; {Released} quarantined readings released.")]
    public static partial void Seeded(ILogger logger, int count, string path, int released);
}
