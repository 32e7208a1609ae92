using MQTTnet.Formatter;

namespace Edge.Gateway.Southbound;

/// <summary>
/// What the broker knows of a connected device, kept in the MQTT session's items when the client connects
/// (before its first publish is read), so the publish handler can answer in the client's protocol.
/// </summary>
/// <param name="DeviceId">Authenticated device id (MQTT username).</param>
/// <param name="ProtocolVersion">MQTT 3.1.1 or 5.</param>
/// <param name="WantsReasonStrings">MQTT 5 "request problem information": false forbids reason strings on a PUBACK (MQTT 5 §3.1.2.11.7).</param>
internal sealed record DeviceSession(string DeviceId, MqttProtocolVersion ProtocolVersion, bool WantsReasonStrings)
{
    /// <summary>Key of the record in the MQTT session items.</summary>
    public const string ItemKey = "edge.device-session";

    public bool IsMqtt5 => ProtocolVersion == MqttProtocolVersion.V500;
}
