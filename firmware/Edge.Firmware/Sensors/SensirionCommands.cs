using System;
using Edge.Firmware.Hardware;

namespace Edge.Firmware.Sensors;

/// <summary>
/// Sensirion's I2C command framing shared by SHT3x, SHT4x and SCD4x: 8- or 16-bit commands, arguments and
/// answers as 16-bit big-endian words each followed by its CRC-8. Never throws on bus failure; records the
/// error in <see cref="LastError"/>. No allocation after construction.
/// </summary>
internal sealed class SensirionCommands
{
    private readonly IRegisterBus _bus;
    private readonly byte[] _tx = new byte[5];
    private readonly byte[] _rx = new byte[9];
    private readonly int[] _words = new int[3];

    public SensirionCommands(IRegisterBus bus)
    {
        if (bus == null)
        {
            throw new ArgumentNullException("bus");
        }

        _bus = bus;
    }

    /// <summary>The error of the last failed call; one of <see cref="SensorError"/>.</summary>
    public int LastError { get; private set; }

    /// <summary>Words decoded by the last <see cref="ReadWords"/>.</summary>
    public int[] Words => _words;

    /// <summary>Sends a one-byte command (SHT4x).</summary>
    public bool Send8(int command)
    {
        _tx[0] = (byte)command;
        return Transmit(1);
    }

    /// <summary>Sends a 16-bit command, most significant byte first.</summary>
    public bool Send16(int command)
    {
        _tx[0] = (byte)(command >> 8);
        _tx[1] = (byte)command;
        return Transmit(2);
    }

    /// <summary>Sends a 16-bit command with one argument word and its CRC.</summary>
    public bool Send16(int command, int argument)
    {
        _tx[0] = (byte)(command >> 8);
        _tx[1] = (byte)command;
        SensirionCrc.WriteWord(_tx, 2, argument & 0xFFFF);
        return Transmit(5);
    }

    /// <summary>Reads <paramref name="count"/> (1..3) words; false on NACK or on any CRC mismatch (every word is checked).</summary>
    public bool ReadWords(int count)
    {
        try
        {
            _bus.Read(_rx, 0, count * 3);
        }
        catch (Exception)
        {
            LastError = SensorError.Bus;
            return false;
        }

        for (var i = 0; i < count; i++)
        {
            if (!SensirionCrc.CheckWord(_rx, i * 3))
            {
                LastError = SensorError.Crc;
                return false;
            }

            _words[i] = (_rx[i * 3] << 8) | _rx[(i * 3) + 1];
        }

        LastError = SensorError.None;
        return true;
    }

    private bool Transmit(int count)
    {
        try
        {
            _bus.Write(_tx, 0, count);
            LastError = SensorError.None;
            return true;
        }
        catch (Exception)
        {
            LastError = SensorError.Bus;
            return false;
        }
    }
}
