namespace Edge.Ingest.Apis;

/// <summary>Log messages of the ingest endpoints.</summary>
internal static partial class IngestLog
{
    [LoggerMessage(1, LogLevel.Information, "Batch {BatchId}: duplicate={Duplicate} stored={Stored} duplicates={Duplicates} rejected={Rejected}")]
    public static partial void BatchStored(ILogger logger, string batchId, bool duplicate, int stored, int duplicates, int rejected);

    [LoggerMessage(2, LogLevel.Information, "Batch rejected with {Status}: {Detail}")]
    public static partial void BatchRejected(ILogger logger, int status, string? detail);

    [LoggerMessage(3, LogLevel.Warning, "Batch {BatchId}: {Rejected} readings set aside; first: {FirstReason}")]
    public static partial void ReadingsSetAside(ILogger logger, string batchId, int rejected, string firstReason);
}
