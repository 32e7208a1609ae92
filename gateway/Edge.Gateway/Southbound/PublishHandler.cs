using System.Buffers;
using Edge.Gateway.Clock;
using Edge.Gateway.Diagnostics;
using Edge.Gateway.Sensors.Seismic;
using Edge.Gateway.Store;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace Edge.Gateway.Southbound;

/// <summary>
/// Handles MQTTnet's InterceptingPublishAsync for device frames. MQTTnet sends the PUBACK only after this
/// handler's task completes, built from <see cref="InterceptingPublishEventArgs.Response"/>; so awaiting the
/// group commit here means a frame is acknowledged only once its readings are on disk (gateway promise 1).
/// A sensor node's readings meet the configured thresholds (<see cref="SensorThresholdEvaluator"/>) as the Pi's own
/// sensors do: their events are written in the frame's transaction, and the evaluator's state for the device is put
/// back when the frame is not stored, so its retry raises them again.
/// </summary>
internal sealed partial class PublishHandler(
    ReadingWriter writer,
    DataClassifier classifier,
    ClockCorrector corrector,
    SensorThresholdEvaluator thresholds,
    GatewayCounters counters,
    TimeProvider time,
    ILogger<PublishHandler> logger,
    SeismicWindowHandler windows,
    DeviceSettingsLedger settings)
{
    public async Task HandleAsync(InterceptingPublishEventArgs e)
    {
        // The gateway's own retained messages (device configuration) are routed to subscribers as they are.
        if (e.ClientId == MqttBrokerService.GatewayClientId && e.SessionItems?[DeviceSession.ItemKey] is null)
        {
            return;
        }

        // Frames are for the gateway, not for other MQTT clients: never route them on. This also keeps a
        // success PUBACK at reason 0x00 instead of 0x10 "no matching subscribers".
        e.ProcessPublish = false;
        var session = e.SessionItems[DeviceSession.ItemKey] as DeviceSession;
        var deviceId = session?.DeviceId ?? e.UserName;
        var topic = e.ApplicationMessage.Topic;
        if (SeismicWindowTopic.TryParse(topic, out var windowDevice))
        {
            await windows.HandleAsync(e, session, deviceId, windowDevice).ConfigureAwait(false);
            return;
        }

        if (deviceId is null || !DeviceTopic.TryParse(topic, out var topicDevice) || !string.Equals(topicDevice, deviceId, StringComparison.Ordinal))
        {
            counters.FrameRefused();
            LogTopicRefused(logger, deviceId, topic);
            PubAck.Refuse(e, session, MqttPubAckReasonCode.NotAuthorized, $"device {deviceId} may publish only to {DeviceTopic.For(deviceId ?? "{id}")}");
            return;
        }

        var payload = e.ApplicationMessage.Payload;
        var bytes = payload.IsSingleSegment ? payload.First : payload.ToArray();
        if (!DeviceFrames.TryRead(bytes, deviceId, out var frame, out var reason))
        {
            counters.FrameRefused();
            LogMalformed(logger, deviceId, reason);
            PubAck.Refuse(e, session, MqttPubAckReasonCode.PayloadFormatInvalid, reason);
            return;
        }

        var readings = DeviceFrames.ToReadings(frame, deviceId, time.GetUtcNow().ToUnixTimeMilliseconds());
        var clock = corrector.Correct(deviceId, frame.Header.Clock, readings);
        var records = classifier.Classify(clock.Readings) with { Epoch = clock.Epoch, EpochRefined = clock.Refined };
        (records, var before) = thresholds.AddEvents(deviceId, records);

        try
        {
            var result = await writer.AppendAsync(records, e.CancellationToken).ConfigureAwait(false);
            counters.FrameAccepted();
            if (frame.Header.Settings is { } applied && settings.Record(deviceId, applied))
            {
                LogSettings(logger, deviceId, applied.Version, applied.SamplingSeconds, applied.ReportingSeconds);
            }

            LogStored(logger, deviceId, result.Stored, result.Duplicates, result.Events);
            e.Response.ReasonCode = MqttPubAckReasonCode.Success;
        }
        catch (Exception ex)
        {
            thresholds.Undo(deviceId, before);
            counters.FrameRefused();
            LogStoreFailed(logger, ex, deviceId);
            PubAck.RefuseToRetry(e, session, "the gateway could not store the frame; send it again");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "refused a frame of device {Device} on topic '{Topic}': not its uplink topic")]
    private static partial void LogTopicRefused(ILogger logger, string? device, string topic);

    [LoggerMessage(Level = LogLevel.Information, Message = "device {Device} runs configuration version {Version}: sampling every {Sampling} s, reporting every {Reporting} s")]
    private static partial void LogSettings(ILogger logger, string device, long version, int sampling, int reporting);

    [LoggerMessage(Level = LogLevel.Warning, Message = "refused a malformed frame of device {Device}: {Reason}")]
    private static partial void LogMalformed(ILogger logger, string device, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "stored a frame of device {Device}: {Stored} new, {Duplicates} duplicate readings, {Events} new events")]
    private static partial void LogStored(ILogger logger, string device, int stored, int duplicates, int events);

    [LoggerMessage(Level = LogLevel.Error, Message = "could not store a frame of device {Device}; it is not acknowledged")]
    private static partial void LogStoreFailed(ILogger logger, Exception error, string device);
}
