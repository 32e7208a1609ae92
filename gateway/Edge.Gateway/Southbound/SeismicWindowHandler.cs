using System.Buffers;
using Edge.Gateway.Diagnostics;
using Edge.Gateway.Sensors.Seismic;
using Edge.Gateway.Store;
using Edge.Uplink;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace Edge.Gateway.Southbound;

/// <summary>
/// Seismic windows from sensor nodes (firmware/FRAME.md, "Seismic window"): chunks are checked and held in
/// memory; the last one completes the window, whose JMA instrumental intensity (参考値) is stored as a
/// <c>seismic-intensity</c> reading of the device under the window's seq, with the threshold events, before the
/// last chunk's PUBACK. Same authentication rule as frames: only the device itself may publish its windows.
/// </summary>
internal sealed partial class SeismicWindowHandler(
    ReadingWriter writer,
    DataClassifier classifier,
    SensorThresholdEvaluator thresholds,
    GatewayCounters counters,
    TimeProvider time,
    ILogger<SeismicWindowHandler> logger)
{
    private readonly SeismicWindowAssembler _assembler = new();
    private readonly JmaSeismicIntensity _intensity = new();

    /// <summary>Handles a publish on a window topic by <paramref name="deviceId"/> (the authenticated device).</summary>
    public async Task HandleAsync(InterceptingPublishEventArgs e, DeviceSession? session, string? deviceId, string topicDevice)
    {
        if (deviceId is null || !string.Equals(topicDevice, deviceId, StringComparison.Ordinal))
        {
            counters.FrameRefused();
            LogTopicRefused(logger, deviceId, e.ApplicationMessage.Topic);
            PubAck.Refuse(e, session, MqttPubAckReasonCode.NotAuthorized, $"device {deviceId} may publish windows only to {SeismicWindowTopic.For(deviceId ?? "{id}")}");
            return;
        }

        var payload = e.ApplicationMessage.Payload;
        var bytes = payload.IsSingleSegment ? payload.First : payload.ToArray();
        if (!SeismicWindowChunkReader.TryRead(bytes, deviceId, out var chunk, out var reason))
        {
            counters.FrameRefused();
            LogMalformed(logger, deviceId, reason);
            PubAck.Refuse(e, session, MqttPubAckReasonCode.PayloadFormatInvalid, reason);
            return;
        }

        var misfit = _assembler.Add(chunk, out var window);
        if (misfit is not null)
        {
            // The window cannot be completed from here on: the device must start it again from its first chunk.
            counters.FrameRefused();
            LogMalformed(logger, deviceId, misfit);
            PubAck.RefuseToRetry(e, session, misfit);
            return;
        }

        if (window is null)
        {
            e.Response.ReasonCode = MqttPubAckReasonCode.Success;
            return;
        }

        await StoreAsync(e, session, window).ConfigureAwait(false);
    }

    private async Task StoreAsync(InterceptingPublishEventArgs e, DeviceSession? session, SeismicWindow window)
    {
        JmaIntensityResult result;
        lock (_intensity)
        {
            result = _intensity.Compute(
                SeismicWindow.ToGal(window.X, window.LsbPerG), SeismicWindow.ToGal(window.Y, window.LsbPerG), SeismicWindow.ToGal(window.Z, window.LsbPerG), window.SampleRateHz);
        }

        var reading = new ReadingRecord(
            window.DeviceId, window.Seq, SensorThresholdEvaluator.IntensityChannel, string.Empty, result.Tenths, 1, window.TriggerUnixMs,
            (ClockQuality)window.ClockQuality, 0, time.GetUtcNow().ToUnixTimeMilliseconds(), DataClass.Reading);
        var records = classifier.Classify([reading]);
        (int, bool) before;
        lock (thresholds)
        {
            before = thresholds.StateOf(window.DeviceId);
            records = records with { Events = [.. records.Events, .. thresholds.Evaluate(records.Readings[0])] };
        }

        try
        {
            var stored = await writer.AppendAsync(records, e.CancellationToken).ConfigureAwait(false);
            counters.FrameAccepted();
            LogStored(logger, window.DeviceId, window.Seq, result.ToString(), stored.Stored, stored.Events);
            e.Response.ReasonCode = MqttPubAckReasonCode.Success;
        }
        catch (Exception ex)
        {
            lock (thresholds)
            {
                thresholds.Restore(window.DeviceId, before);
            }

            counters.FrameRefused();
            LogStoreFailed(logger, ex, window.DeviceId);
            PubAck.RefuseToRetry(e, session, "the gateway could not store the window's intensity; send the window again");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "refused a seismic window of device {Device} on topic '{Topic}': not its window topic")]
    private static partial void LogTopicRefused(ILogger logger, string? device, string topic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "refused a seismic window chunk of device {Device}: {Reason}")]
    private static partial void LogMalformed(ILogger logger, string device, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "seismic window seq {Seq} of device {Device}: {Intensity}; {Stored} new reading, {Events} new events")]
    private static partial void LogStored(ILogger logger, string device, long seq, string intensity, int stored, int events);

    [LoggerMessage(Level = LogLevel.Error, Message = "could not store the seismic window of device {Device}; its last chunk is not acknowledged")]
    private static partial void LogStoreFailed(ILogger logger, Exception error, string device);
}
