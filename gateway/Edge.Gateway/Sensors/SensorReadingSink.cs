using Edge.Gateway.Radio;
using Edge.Gateway.Sensors.Seismic;
using Edge.Gateway.Store;
using Edge.Uplink;

namespace Edge.Gateway.Sensors;

/// <summary>
/// Stores a Pi-attached sensor's values the way serial inputs store meter readings: one per-device sequence
/// number per value (<see cref="MeterSequences"/>), classification, group commit; committed means accepted.
/// The configured thresholds (<see cref="SensorThresholdEvaluator"/>) turn values into alarm and status events
/// of the device, written in the same transaction as the values; when the commit fails the evaluator's state
/// for the device is put back, so the next reading raises them again.
/// </summary>
internal sealed partial class SensorReadingSink(
    MeterSequences sequences,
    DataClassifier classifier,
    ReadingWriter writer,
    SensorThresholdEvaluator thresholds,
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
                observedUnixMs, ClockQuality.Gateway, value.Flags, observedUnixMs, DataClass.Reading));
        }

        var frame = classifier.Classify(records) with { MeterSequence = state };
        (frame, var before) = thresholds.AddEvents(device, frame);

        var stored = false;
        try
        {
            var result = await writer.AppendAsync(frame, cancellationToken).ConfigureAwait(false);
            stored = true;
            LogStored(logger, device, records.Count, state!.LastSeq, result.Events);
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
        finally
        {
            if (!stored)
            {
                thresholds.Undo(device, before);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "sensor {Device}: stored {Count} values up to seq {Seq}, {Events} events")]
    private static partial void LogStored(ILogger logger, string device, int count, long seq, int events);

    [LoggerMessage(Level = LogLevel.Error, Message = "sensor {Device}: could not store the reading")]
    private static partial void LogStoreFailed(ILogger logger, Exception error, string device);
}
