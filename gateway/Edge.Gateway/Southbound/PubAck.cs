using MQTTnet.Protocol;
using MQTTnet.Server;

namespace Edge.Gateway.Southbound;

/// <summary>How the gateway answers a device's publish it does not take (firmware/FRAME.md).</summary>
internal static class PubAck
{
    /// <summary>
    /// A negative PUBACK with <paramref name="code"/> and, if the device wants them, the reason. MQTT 3.1.1 PUBACKs carry
    /// no reason code: there the publish is acknowledged and dropped.
    /// </summary>
    public static void Refuse(InterceptingPublishEventArgs e, DeviceSession? session, MqttPubAckReasonCode code, string reason)
    {
        e.Response.ReasonCode = code;
        if (session?.WantsReasonStrings != false)
        {
            e.Response.ReasonString = reason;
        }
    }

    /// <summary>
    /// The gateway could not store it: "unspecified error" on MQTT 5; on MQTT 3.1.1, which has no negative PUBACK, the
    /// connection is closed so the device keeps the message and sends it again.
    /// </summary>
    public static void RefuseToRetry(InterceptingPublishEventArgs e, DeviceSession? session, string reason)
    {
        if (session?.IsMqtt5 == true)
        {
            Refuse(e, session, MqttPubAckReasonCode.UnspecifiedError, reason);
        }
        else
        {
            e.CloseConnection = true;
        }
    }
}
