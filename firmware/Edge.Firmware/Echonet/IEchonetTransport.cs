namespace Edge.Firmware.Echonet;

/// <summary>
/// A datagram path to one ECHONET Lite node (UDP port 3610; over Wi-SUN, the module's SKSENDTO/ERXUDP).
/// Hardware free: the Wi-SUN client, a UDP socket or an in-memory simulated meter implement it.
/// </summary>
public interface IEchonetTransport
{
    /// <summary>Sends one frame to the node; false when the link could not take it.</summary>
    bool Send(byte[] buffer, int offset, int length);

    /// <summary>
    /// Waits at most <paramref name="timeoutMs"/> for the next frame from the node and copies it to
    /// <paramref name="buffer"/>; returns its length, 0 on timeout. A frame longer than
    /// <paramref name="count"/> is dropped (returns -1), so the caller never reads a cut frame.
    /// </summary>
    int Receive(byte[] buffer, int offset, int count, int timeoutMs);
}
