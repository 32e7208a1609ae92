namespace Edge.Firmware.Hardware;

/// <summary>A device on an I2C or SPI bus, addressed already (nanoFramework's I2cDevice is sealed).</summary>
public interface IRegisterBus
{
    /// <summary>Writes bytes to the device.</summary>
    void Write(byte[] buffer, int index, int count);

    /// <summary>Reads bytes from the device.</summary>
    void Read(byte[] buffer, int index, int count);

    /// <summary>Writes then reads in one transaction (repeated start on I2C).</summary>
    void WriteRead(byte[] write, int writeIndex, int writeCount, byte[] read, int readIndex, int readCount);
}
