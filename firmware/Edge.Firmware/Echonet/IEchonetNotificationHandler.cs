namespace Edge.Firmware.Echonet;

/// <summary>Receives notifications (INF, INFC) that arrive while <see cref="EchonetRequester"/> waits for a response.</summary>
public interface IEchonetNotificationHandler
{
    /// <summary>A decoded INF or INFC frame; it is reused after the call returns.</summary>
    void OnNotification(EchonetFrame frame);
}
