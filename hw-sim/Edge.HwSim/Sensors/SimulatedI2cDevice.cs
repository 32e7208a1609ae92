using System.Device.I2c;
using Edge.Firmware.Hardware;

namespace Edge.HwSim.Sensors;

/// <summary>
/// A simulated I2C peripheral that is both our firmware's <see cref="IRegisterBus"/> and System.Device's
/// <see cref="I2cDevice"/>, so the portable drivers and the Iot.Device.Bindings drivers run against the same
/// model. A NACK is an <see cref="IOException"/>, as on the Linux I2C driver and our nanoFramework adapter.
/// Transfers are serialised; faults can be switched on at any time.
/// </summary>
public abstract class SimulatedI2cDevice : I2cDevice, IRegisterBus
{
    private readonly Lock _lock = new();
    private readonly I2cConnectionSettings _settings;

    /// <summary>A device at 7-bit <paramref name="address"/> on bus <paramref name="busId"/>, timed by <paramref name="time"/>.</summary>
    protected SimulatedI2cDevice(int address, TimeProvider time, int busId = 1)
    {
        _settings = new I2cConnectionSettings(busId, address);
        Time = time;
    }

    /// <summary>The model's time source.</summary>
    public TimeProvider Time { get; }

    /// <summary>Fault: the device acknowledges nothing (absent, hung or unpowered).</summary>
    public bool NackAll { get; set; }

    /// <summary>Fault: the next N transfers are not acknowledged.</summary>
    public int NackNext { get; set; }

    /// <summary>Transfers seen (writes and reads; a write-read counts once).</summary>
    public int Transfers { get; private set; }

    /// <inheritdoc />
    public override I2cConnectionSettings ConnectionSettings => _settings;

    /// <inheritdoc />
    public override byte ReadByte()
    {
        Span<byte> one = stackalloc byte[1];
        Read(one);
        return one[0];
    }

    /// <inheritdoc />
    public override void Read(Span<byte> buffer)
    {
        lock (_lock)
        {
            Begin("read");
            OnRead(buffer);
        }
    }

    /// <inheritdoc />
    public override void WriteByte(byte value) => Write([value]);

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        lock (_lock)
        {
            Begin("write");
            OnWrite(buffer);
        }
    }

    /// <inheritdoc />
    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        lock (_lock)
        {
            Begin("write-read");
            OnWrite(writeBuffer);
            OnRead(readBuffer);
        }
    }

    void IRegisterBus.Write(byte[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    void IRegisterBus.Read(byte[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    void IRegisterBus.WriteRead(byte[] write, int writeIndex, int writeCount, byte[] read, int readIndex, int readCount) =>
        WriteRead(write.AsSpan(writeIndex, writeCount), read.AsSpan(readIndex, readCount));

    /// <summary>Handles the bytes the controller wrote; throw <see cref="Nack"/> to refuse them.</summary>
    protected abstract void OnWrite(ReadOnlySpan<byte> data);

    /// <summary>Fills the bytes the controller reads; throw <see cref="Nack"/> to refuse the read header.</summary>
    protected abstract void OnRead(Span<byte> data);

    /// <summary>The exception a refused transfer raises.</summary>
    protected IOException Nack(string why) =>
        new($"I2C device 0x{_settings.DeviceAddress:X2} did not acknowledge ({why})");

    private void Begin(string operation)
    {
        Transfers++;
        if (NackAll)
        {
            throw Nack(operation + ": fault injected, no acknowledge");
        }

        if (NackNext > 0)
        {
            NackNext--;
            throw Nack(operation + ": fault injected for this transfer");
        }
    }
}
