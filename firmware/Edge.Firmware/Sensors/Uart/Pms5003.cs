using System;
using Edge.Firmware.Hardware;

namespace Edge.Firmware.Sensors.Uart;

/// <summary>
/// Plantower PMS5003 particulate sensor on a UART (9600 8N1). Active mode: the sensor sends a frame by
/// itself (every 200 ms to 2.3 s); passive mode: a frame on each read request. Commands (manual, "Host
/// protocol"): 0x42 0x4D CMD DATAH DATAL LRCH LRCL, LRC = sum of the bytes before it; change mode E1
/// (00 passive, 01 active) and sleep/wake E4 (00 sleep, 01 wake) are acknowledged by a length-4 frame, wake is
/// not (the fan starts; data are stable after 30 s). No allocation after construction.
/// </summary>
public sealed class Pms5003
{
    /// <summary>Baud rate of the sensor.</summary>
    public const int BaudRate = 9600;

    /// <summary>Change mode command.</summary>
    public const byte CommandMode = 0xE1;

    /// <summary>Read request in passive mode.</summary>
    public const byte CommandRead = 0xE2;

    /// <summary>Sleep / wake command.</summary>
    public const byte CommandSleep = 0xE4;

    // Enough for two whole frames plus the garbage of one: past it the line is not a PMS5003.
    private const int ByteBudget = 3 * 32;

    private readonly ISerialLink _link;
    private readonly Pms5003Parser _parser = new Pms5003Parser();
    private readonly byte[] _tx = new byte[7];
    private readonly byte[] _rx = new byte[32];
    private int _rxLength;
    private int _rxPosition;

    /// <summary>Creates the driver; <see cref="Configure"/> sets the line.</summary>
    public Pms5003(ISerialLink link)
    {
        _link = link;
    }

    /// <summary>The last data frame received.</summary>
    public Pms5003Frame Latest { get; } = new Pms5003Frame();

    /// <summary>The receiver (counters of garbage bytes and bad frames).</summary>
    public Pms5003Parser Parser => _parser;

    /// <summary>Sets 9600 8N1.</summary>
    public int Configure()
    {
        try
        {
            _link.Configure(BaudRate, 8, 0, 1);
            return UartSensorStatus.Ok;
        }
        catch (Exception)
        {
            return UartSensorStatus.LinkError;
        }
    }

    /// <summary>Builds a command frame into <paramref name="buffer"/> (7 bytes from <paramref name="offset"/>).</summary>
    public static void BuildCommand(byte command, int data, byte[] buffer, int offset)
    {
        buffer[offset] = Pms5003Parser.Start1;
        buffer[offset + 1] = Pms5003Parser.Start2;
        buffer[offset + 2] = command;
        buffer[offset + 3] = (byte)(data >> 8);
        buffer[offset + 4] = (byte)data;
        var sum = 0;
        for (var i = 0; i < 5; i++)
        {
            sum += buffer[offset + i];
        }

        buffer[offset + 5] = (byte)(sum >> 8);
        buffer[offset + 6] = (byte)sum;
    }

    /// <summary>Passive mode (true) or active mode; waits for the acknowledgement.</summary>
    public int SetPassive(bool passive, int timeoutMs) => CommandWithAnswer(CommandMode, passive ? 0 : 1, timeoutMs);

    /// <summary>Sleep: the fan and laser stop; waits for the acknowledgement.</summary>
    public int Sleep(int timeoutMs) => CommandWithAnswer(CommandSleep, 0, timeoutMs);

    /// <summary>Wake: the sensor starts again (no acknowledgement; wait 30 s before trusting values).</summary>
    public int Wake()
    {
        var status = Send(CommandSleep, 1);
        _parser.Reset();
        return status;
    }

    /// <summary>Passive mode: requests one frame and receives it into <see cref="Latest"/>.</summary>
    public int RequestRead(int timeoutMs)
    {
        var status = Send(CommandRead, 0);
        return status != UartSensorStatus.Ok ? status : ReadFrame(timeoutMs);
    }

    /// <summary>Receives the next data frame into <see cref="Latest"/> (active mode, or after a request).</summary>
    public int ReadFrame(int timeoutMs)
    {
        while (true)
        {
            var r = Next(timeoutMs, out var kind);
            if (r != UartSensorStatus.Ok)
            {
                return r;
            }

            if (kind == Pms5003Parser.DataFrame)
            {
                Latest.CopyFrom(_parser.Data);
                return UartSensorStatus.Ok;
            }
        }
    }

    private int CommandWithAnswer(byte command, int data, int timeoutMs)
    {
        var status = Send(command, data);
        if (status != UartSensorStatus.Ok)
        {
            return status;
        }

        // Data frames already on their way may come first (active mode).
        while (true)
        {
            var r = Next(timeoutMs, out var kind);
            if (r != UartSensorStatus.Ok)
            {
                return r;
            }

            if (kind == Pms5003Parser.CommandAnswer)
            {
                return _parser.AnswerCommand == command ? UartSensorStatus.Ok : UartSensorStatus.BadAnswer;
            }
        }
    }

    private int Send(byte command, int data)
    {
        BuildCommand(command, data, _tx, 0);
        try
        {
            _link.Write(_tx, 0, _tx.Length);
            return UartSensorStatus.Ok;
        }
        catch (Exception)
        {
            return UartSensorStatus.LinkError;
        }
    }

    // The next complete frame of either kind, reading at most ByteBudget bytes.
    private int Next(int timeoutMs, out int kind)
    {
        kind = Pms5003Parser.None;
        for (var used = 0; used < ByteBudget; used++)
        {
            if (_rxPosition == _rxLength)
            {
                try
                {
                    _rxLength = _link.Read(_rx, 0, _rx.Length, timeoutMs);
                }
                catch (Exception)
                {
                    _rxLength = 0;
                    _rxPosition = 0;
                    return UartSensorStatus.LinkError;
                }

                _rxPosition = 0;
                if (_rxLength <= 0)
                {
                    _rxLength = 0;
                    return UartSensorStatus.Timeout;
                }
            }

            kind = _parser.Push(_rx[_rxPosition++]);
            if (kind != Pms5003Parser.None)
            {
                return UartSensorStatus.Ok;
            }
        }

        return UartSensorStatus.NoFrame;
    }
}
