namespace Edge.Firmware.Hardware;

/// <summary>
/// A fixed-size non-volatile region (flash file, FRAM, EEPROM). Writes of a few bytes may tear on power
/// loss, so callers protect their records with CRCs and keep two copies of headers.
/// </summary>
public interface IStorage
{
    /// <summary>Size of the region in bytes.</summary>
    int Capacity { get; }

    /// <summary>Reads <paramref name="count"/> bytes at <paramref name="offset"/>; erased bytes read as 0xFF.</summary>
    void Read(int offset, byte[] buffer, int index, int count);

    /// <summary>Writes <paramref name="count"/> bytes at <paramref name="offset"/>.</summary>
    void Write(int offset, byte[] buffer, int index, int count);

    /// <summary>Makes earlier writes durable.</summary>
    void Flush();
}
