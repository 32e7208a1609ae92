using Edge.Gateway.Diagnostics;
using Edge.Gateway.Store;
using Edge.Uplink;

namespace Edge.Gateway.Radio;

/// <summary>
/// Stores a meter's reading through the same path as device frames: sequence number (<see cref="MeterSequences"/>),
/// classification (its flags become events), group commit. A telegram counts as accepted only once committed
/// (gateway promise 1); a repetition is counted and dropped.
/// </summary>
internal sealed partial class MeterReadingSink(
    MeterSequences sequences,
    DataClassifier classifier,
    ReadingWriter writer,
    GatewayCounters counters,
    ILogger<MeterReadingSink> logger)
{
    /// <summary>Channel of the volume register.</summary>
    public const string VolumeChannel = "volume";

    /// <summary>Unit of the volume register (SenML, RFC 8428 §12.1).</summary>
    public const string VolumeUnit = "m3";

    /// <summary>
    /// Stores <paramref name="reading"/>, observed at <paramref name="receivedUnixMs"/> (clock quality gateway).
    /// <paramref name="dedupe"/>: drop it when it repeats the meter's previous telegram (radio). True when committed.
    /// </summary>
    public async Task<bool> StoreAsync(MeterReading reading, long receivedUnixMs, bool dedupe, string input, CancellationToken cancellationToken)
    {
        var state = sequences.Next(reading.Device, reading.AccessNumber, reading.Digest, receivedUnixMs, dedupe);
        if (state is null)
        {
            counters.TelegramDuplicate();
            LogDuplicate(logger, input, reading.Device, reading.AccessNumber);
            return false;
        }

        var record = new ReadingRecord(
            reading.Device, state.LastSeq, VolumeChannel, VolumeUnit, reading.Mantissa, reading.Scale,
            receivedUnixMs, ClockQuality.Gateway, reading.Flags, receivedUnixMs, DataClass.Reading);
        var frame = classifier.Classify([record]) with { MeterSequence = state };
        try
        {
            var result = await writer.AppendAsync(frame, cancellationToken).ConfigureAwait(false);
            counters.TelegramAccepted();
            LogStored(logger, input, reading.Device, state.LastSeq, reading.Mantissa, reading.Scale, result.Events);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            counters.TelegramFailed();
            LogStoreFailed(logger, ex, input, reading.Device);
            return false;
        }
    }

    /// <summary>
    /// Stores several channels of one meter read at <paramref name="receivedUnixMs"/> (a Modbus register map) in one commit,
    /// one sequence number per value, as a sensor's values are. True when committed.
    /// </summary>
    public Task<bool> StoreValuesAsync(
        string device, IReadOnlyList<(string Channel, string Unit, long Mantissa, int Scale)> values, long receivedUnixMs, string input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        var observations = values.Select(v => new MeterObservation(v.Channel, v.Unit, v.Mantissa, v.Scale, receivedUnixMs)).ToList();
        return StoreObservationsAsync(device, observations, receivedUnixMs, input, cancellationToken);
    }

    /// <summary>
    /// Stores values of one meter that carry their own observed times (historical data, fixed-time registers) in one
    /// commit, one sequence number per value, clock quality gateway (the gateway placed them in time), each with its flags
    /// (events). True when committed.
    /// </summary>
    public async Task<bool> StoreObservationsAsync(
        string device, IReadOnlyList<MeterObservation> values, long receivedUnixMs, string input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return true;
        }

        var records = new List<ReadingRecord>(values.Count);
        MeterSequenceState? state = null;
        foreach (var value in values)
        {
            state = sequences.Next(device, -1, 0, receivedUnixMs, dedupe: false)!;
            records.Add(new ReadingRecord(
                device, state.LastSeq, value.Channel, value.Unit, value.Mantissa, value.Scale,
                value.ObservedUnixMs, ClockQuality.Gateway, value.Flags, receivedUnixMs, DataClass.Reading));
        }

        var frame = classifier.Classify(records) with { MeterSequence = state };
        try
        {
            var result = await writer.AppendAsync(frame, cancellationToken).ConfigureAwait(false);
            counters.TelegramAccepted();
            LogStoredValues(logger, input, device, records.Count, state!.LastSeq, result.Events);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            counters.TelegramFailed();
            LogStoreFailed(logger, ex, input, device);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Input}: stored {Count} values of {Device} up to seq {Seq}, {Events} events")]
    private static partial void LogStoredValues(ILogger logger, string input, string device, int count, long seq, int events);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Input}: repetition of the last telegram of {Device} (access number {Access}) dropped")]
    private static partial void LogDuplicate(ILogger logger, string input, string device, int access);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Input}: stored {Device} seq {Seq}: {Mantissa}e-{Scale} m3, {Events} events")]
    private static partial void LogStored(ILogger logger, string input, string device, long seq, long mantissa, int scale, int events);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Input}: could not store the reading of {Device}")]
    private static partial void LogStoreFailed(ILogger logger, Exception error, string input, string device);
}
