using Edge.Gateway.Radio;
using Edge.Gateway.Store;
using Edge.Uplink;

namespace Edge.Gateway.Sensors;

/// <summary>
/// Stores a Pi-attached sensor's values the way serial inputs store meter readings: one per-device sequence
/// number per value (<see cref="MeterSequences"/>), classification, group commit; committed means accepted.
/// </summary>
internal sealed partial class SensorReadingSink(
    MeterSequences sequences,
    DataClassifier classifier,
    ReadingWriter writer,
    ILogger<SensorReadingSink> logger)
{
    /// <summary>Stores <paramref name="values"/> of <paramref name="device"/> observed at <paramref name="observedUnixMs"/>; true when committed.</summary>
    public async Task<bool> StoreAsync(string device, IReadOnlyList<SensorValue> values, long observedUnixMs, CancellationToken cancellationToken)
    {
        if (values.Count == 0)
        {
            return true;
        }

        var records = new List<ReadingRecord>(values.Count);
        MeterSequenceState? state = null;
        foreach (var value in values)
        {
            state = sequences.Next(device, -1, 0, observedUnixMs, dedupe: false)!;
            records.Add(new ReadingRecord(
                device, state.LastSeq, value.Channel, value.Unit, value.Mantissa, value.Scale,
                observedUnixMs, ClockQuality.Gateway, 0, observedUnixMs, DataClass.Reading));
        }

        var frame = classifier.Classify(records) with { MeterSequence = state };
        try
        {
            await writer.AppendAsync(frame, cancellationToken).ConfigureAwait(false);
            LogStored(logger, device, records.Count, state!.LastSeq);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            LogStoreFailed(logger, ex, device);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "sensor {Device}: stored {Count} values up to seq {Seq}")]
    private static partial void LogStored(ILogger logger, string device, int count, long seq);

    [LoggerMessage(Level = LogLevel.Error, Message = "sensor {Device}: could not store the reading")]
    private static partial void LogStoreFailed(ILogger logger, Exception error, string device);
}
