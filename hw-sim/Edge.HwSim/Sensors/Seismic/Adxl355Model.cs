using Edge.Firmware.Hardware;

namespace Edge.HwSim.Sensors.Seismic;

/// <summary>
/// An ADXL355 at register level behind <see cref="IRegisterBus"/> (I2C form: first byte written = register
/// address, auto-increment, except FIFO_DATA which pops the FIFO). Seeded with the datasheet's power-on
/// values (DEVID_AD 0xAD, DEVID_MST 0x1D, PARTID 0xED, REVID 0x01, FILTER 0x00, FIFO_SAMPLES 0x60, RANGE 0x81,
/// POWER_CTL 0x01 standby). <see cref="Advance"/> converts samples at the output data rate from an
/// acceleration source (gal, gravity added on Z) with optional noise, quantised to 20 bits at the set range
/// and saturated, into the data registers and the 96-entry FIFO (3 entries per sample; FIFO_OVR when full).
/// Faults: <see cref="Nack"/> (every transfer throws <see cref="IOException"/>), <see cref="Stuck"/> (the
/// output freezes), <see cref="WrongPartId"/>.
/// </summary>
public sealed class Adxl355Model : IRegisterBus
{
    /// <summary>Standard gravity in gal.</summary>
    public const double GravityGal = 980.665;

    private readonly byte[] _regs = new byte[0x30];
    private readonly Queue<byte[]> _fifo = new();
    private readonly Func<double, (double X, double Y, double Z)> _source;
    private readonly Random _rng;
    private byte _pointer;
    private double _timeSeconds;
    private double _nextTickSeconds;
    private int _lastX;
    private int _lastY;
    private int _lastZ;
    private byte[]? _partial;
    private int _partialIndex;

    /// <summary>Creates the model; <paramref name="source"/> gives the acceleration (gal, no gravity) at a time in seconds.</summary>
    public Adxl355Model(Func<double, (double X, double Y, double Z)> source, double noiseGal = 0.03, int seed = 1)
    {
        _source = source;
        NoiseGal = noiseGal;
        _rng = new Random(seed);
        PowerOnReset();
    }

    /// <summary>Standard deviation of the sensor noise per axis (gal); the ADXL355's 25 µg/√Hz is about 0.03 gal at 125 Hz.</summary>
    public double NoiseGal { get; set; }

    /// <summary>Adds gravity on +Z (a sensor lying flat).</summary>
    public bool GravityOnZ { get; set; } = true;

    /// <summary>Fault: the device does not acknowledge; every transfer throws.</summary>
    public bool Nack { get; set; }

    /// <summary>Fault: the output freezes at its last value (data registers and FIFO repeat it).</summary>
    public bool Stuck { get; set; }

    /// <summary>Fault: PARTID reads 0xE9 (an ADXL354's neighbour), as if a different part were fitted.</summary>
    public bool WrongPartId { get; set; }

    /// <summary>Simulated time since the source's start (s).</summary>
    public double TimeSeconds => _timeSeconds;

    /// <summary>Samples converted in measurement mode.</summary>
    public long SamplesConverted { get; private set; }

    /// <summary>Output data rate of the FILTER register (Hz).</summary>
    public double OdrHz => 4000.0 / (1 << (_regs[0x28] & 0x0F));

    /// <summary>True in measurement mode (POWER_CTL bit 0 clear).</summary>
    public bool Measuring => (_regs[0x2D] & 0x01) == 0;

    /// <summary>Fault: loses the oldest FIFO entry, so the next sample read starts on a y entry (a glitch on the bus).</summary>
    public void DropFifoEntry() => _fifo.TryDequeue(out _);

    /// <summary>A register's current value (for tests).</summary>
    public byte Register(int address) => _regs[address];

    /// <summary>Advances time by <paramref name="seconds"/>, converting a sample at every ODR tick while measuring.</summary>
    public void Advance(double seconds)
    {
        var period = 1.0 / OdrHz;
        _timeSeconds += seconds;
        while (_nextTickSeconds <= _timeSeconds + 1e-9)
        {
            if (Measuring)
            {
                Convert(_nextTickSeconds);
            }

            _nextTickSeconds += period;
        }
    }

    /// <inheritdoc />
    public void Write(byte[] buffer, int index, int count)
    {
        Check();
        if (count < 1)
        {
            return;
        }

        _pointer = buffer[index];
        for (var i = 1; i < count; i++)
        {
            WriteRegister(_pointer, buffer[index + i]);
            _pointer++;
        }
    }

    /// <inheritdoc />
    public void Read(byte[] buffer, int index, int count)
    {
        Check();
        for (var i = 0; i < count; i++)
        {
            buffer[index + i] = ReadNext();
        }
    }

    /// <inheritdoc />
    public void WriteRead(byte[] write, int writeIndex, int writeCount, byte[] read, int readIndex, int readCount)
    {
        Write(write, writeIndex, writeCount);
        Read(read, readIndex, readCount);
    }

    private void Check()
    {
        if (Nack)
        {
            throw new IOException("ADXL355: address not acknowledged");
        }
    }

    private void PowerOnReset()
    {
        Array.Clear(_regs);
        _regs[0x00] = 0xAD;
        _regs[0x01] = 0x1D;
        _regs[0x02] = 0xED;
        _regs[0x03] = 0x01;
        _regs[0x29] = 0x60;
        _regs[0x2C] = 0x81;
        _regs[0x2D] = 0x01;
        SetTemperature(25.0);
        _fifo.Clear();
    }

    // TEMP: 1885 LSB at 25 °C, −9.05 LSB/°C (datasheet, temperature sensor specifications).
    private void SetTemperature(double celsius)
    {
        var lsb = (int)Math.Round(1885 - ((celsius - 25) * 9.05));
        _regs[0x06] = (byte)((lsb >> 8) & 0x0F);
        _regs[0x07] = (byte)lsb;
    }

    private void WriteRegister(int address, byte value)
    {
        switch (address)
        {
            case 0x2F:
                if (value == 0x52)
                {
                    PowerOnReset();
                }

                break;
            case 0x28 or 0x2C:
                // Only in standby (datasheet: FILTER and RANGE writes are ignored while measuring).
                if (!Measuring)
                {
                    _regs[address] = address == 0x2C ? (byte)((_regs[0x2C] & 0x40) | (value & 0xC3)) : (byte)(value & 0x7F);
                }

                break;
            case 0x29:
                _regs[address] = (byte)Math.Clamp((int)value, 1, 96);
                break;
            case >= 0x1E and <= 0x2E:
                if (address == 0x2D && Measuring == false && (value & 0x01) == 0)
                {
                    // Leaving standby: the first sample is ready one output period later.
                    _nextTickSeconds = _timeSeconds + (1.0 / OdrHz);
                }

                _regs[address] = value;
                if (address == 0x2D && (value & 0x01) != 0)
                {
                    _fifo.Clear();
                }

                break;
            default:
                break; // read-only
        }
    }

    private byte ReadNext()
    {
        if (_pointer == 0x11)
        {
            // FIFO_DATA does not auto-increment: each read pops the next byte of the current entry.
            return PopFifoByte();
        }

        byte value = _pointer switch
        {
            0x02 when WrongPartId => (byte)0xE9,
            0x04 => (byte)((_regs[0x04] & ~0x02) | (_fifo.Count >= _regs[0x29] ? 0x02 : 0)),
            0x05 => (byte)(_fifo.Count + (_partial != null ? 1 : 0)),
            _ => _pointer < _regs.Length ? _regs[_pointer] : (byte)0,
        };
        if (_pointer == 0x04)
        {
            _regs[0x04] &= unchecked((byte)~0x05); // reading STATUS clears DATA_RDY and FIFO_OVR
        }

        _pointer++;
        return value;
    }

    private byte PopFifoByte()
    {
        if (_partial == null)
        {
            if (!_fifo.TryDequeue(out _partial))
            {
                return 0x02; // empty indicator in the last byte position
            }

            _partialIndex = 0;
        }

        var b = _partial[_partialIndex++];
        if (_partialIndex == 3)
        {
            _partial = null;
        }

        return b;
    }

    private void Convert(double at)
    {
        int x, y, z;
        if (Stuck)
        {
            (x, y, z) = (_lastX, _lastY, _lastZ);
        }
        else
        {
            var (ax, ay, az) = _source(at);
            if (GravityOnZ)
            {
                az += GravityGal;
            }

            var lsbPerGal = (256000 >> ((_regs[0x2C] & 0x03) - 1)) / GravityGal;
            x = Quantise((ax + Noise()) * lsbPerGal);
            y = Quantise((ay + Noise()) * lsbPerGal);
            z = Quantise((az + Noise()) * lsbPerGal);
        }

        (_lastX, _lastY, _lastZ) = (x, y, z);
        Store(0x08, x);
        Store(0x0B, y);
        Store(0x0E, z);
        _regs[0x04] |= 0x01;
        SamplesConverted++;
        if (_fifo.Count + 3 > 96)
        {
            _regs[0x04] |= 0x04; // FIFO_OVR: the new sample is lost
        }
        else
        {
            _fifo.Enqueue(Entry(x, true));
            _fifo.Enqueue(Entry(y, false));
            _fifo.Enqueue(Entry(z, false));
        }

    }

    private double Noise()
    {
        if (NoiseGal <= 0)
        {
            return 0;
        }

        var u1 = 1.0 - _rng.NextDouble();
        return NoiseGal * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * _rng.NextDouble());
    }

    // 20-bit two's complement, saturating at the ends of the range.
    private static int Quantise(double lsb) => (int)Math.Clamp(Math.Round(lsb), -524288, 524287);

    private void Store(int address, int value)
    {
        var raw = value & 0xFFFFF;
        _regs[address] = (byte)(raw >> 12);
        _regs[address + 1] = (byte)(raw >> 4);
        _regs[address + 2] = (byte)((raw & 0x0F) << 4);
    }

    private static byte[] Entry(int value, bool xAxis)
    {
        var raw = value & 0xFFFFF;
        return [(byte)(raw >> 12), (byte)(raw >> 4), (byte)(((raw & 0x0F) << 4) | (xAxis ? 0x01 : 0x00))];
    }
}
