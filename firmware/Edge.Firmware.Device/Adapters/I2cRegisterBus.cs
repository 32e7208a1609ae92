using System;
using System.Device.I2c;
using System.IO;
using Edge.Firmware.Hardware;

namespace Edge.Firmware.Device.Adapters;

/// <summary>
/// <see cref="IRegisterBus"/> over one addressed nanoFramework <see cref="I2cDevice"/> (which is sealed,
/// hence this seam). A transfer that does not complete fully is an <see cref="IOException"/>, so drivers
/// see one failure type on every build.
/// </summary>
public sealed class I2cRegisterBus : IRegisterBus, IDisposable
{
    private readonly I2cDevice _device;
    private readonly int _address;

    /// <summary>Opens the device at 7-bit <paramref name="address"/> on nanoFramework I2C bus <paramref name="busId"/>.</summary>
    public I2cRegisterBus(int busId, int address)
    {
        _address = address;
        _device = I2cDevice.Create(new I2cConnectionSettings(busId, address));
    }

    /// <inheritdoc />
    public void Write(byte[] buffer, int index, int count)
    {
        Check(_device.Write(new SpanByte(buffer, index, count)), "write");
    }

    /// <inheritdoc />
    public void Read(byte[] buffer, int index, int count)
    {
        Check(_device.Read(new SpanByte(buffer, index, count)), "read");
    }

    /// <inheritdoc />
    public void WriteRead(byte[] write, int writeIndex, int writeCount, byte[] read, int readIndex, int readCount)
    {
        // nanoFramework issues a repeated start between the two phases.
        var result = _device.WriteRead(new SpanByte(write, writeIndex, writeCount), new SpanByte(read, readIndex, readCount));
        Check(result, "write-read");
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _device.Dispose();
    }

    private void Check(I2cTransferResult result, string operation)
    {
        if (result.Status != I2cTransferStatus.FullTransfer)
        {
            throw new IOException("I2C " + operation + " at 0x" + _address.ToString("X2") + ": " + result.Status.ToString());
        }
    }
}
