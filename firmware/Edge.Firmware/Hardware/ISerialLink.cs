namespace Edge.Firmware.Hardware;

/// <summary>A UART.</summary>
public interface ISerialLink
{
    /// <summary>Sets line parameters; parity 0 none, 1 odd, 2 even.</summary>
    void Configure(int baudRate, int dataBits, int parity, int stopBits);

    /// <summary>Writes all bytes.</summary>
    void Write(byte[] buffer, int index, int count);

    /// <summary>Reads up to <paramref name="count"/> bytes, waiting at most <paramref name="timeoutMs"/>; returns the count read (0 on timeout).</summary>
    int Read(byte[] buffer, int index, int count, int timeoutMs);

    /// <summary>Drops bytes received and not read yet.</summary>
    void DiscardInput();
}
