using System;
using Edge.Firmware.Hardware;

namespace Edge.Firmware.Sensors.Uart;

/// <summary>
/// DFRobot A02YYUW waterproof ultrasonic distance sensor on a UART (9600 8N1, UART auto output: a frame
/// about every 100 ms). <see cref="Poll"/> takes every frame waiting and feeds the distances into a
/// <see cref="WaterLevelFilter"/>. No allocation after construction.
/// </summary>
public sealed class A02yyuw
{
    /// <summary>Baud rate of the sensor.</summary>
    public const int BaudRate = 9600;

    /// <summary>Blind zone (mm).</summary>
    public const int MinDistanceMm = 30;

    /// <summary>Longest range (mm).</summary>
    public const int MaxDistanceMm = 4500;

    private readonly ISerialLink _link;
    private readonly A02yyuwParser _parser = new A02yyuwParser();
    private readonly WaterLevelFilter _filter;
    private readonly byte[] _rx = new byte[32];

    /// <summary>Creates the driver feeding <paramref name="filter"/>.</summary>
    public A02yyuw(ISerialLink link, WaterLevelFilter filter)
    {
        _link = link;
        _filter = filter;
    }

    /// <summary>The receiver (garbage and bad frame counters).</summary>
    public A02yyuwParser Parser => _parser;

    /// <summary>The level filter.</summary>
    public WaterLevelFilter Filter => _filter;

    /// <summary>Valid frames received.</summary>
    public long Frames { get; private set; }

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

    /// <summary>
    /// Reads until the line is quiet for <paramref name="quietMs"/> or <paramref name="maxBytes"/> were read;
    /// <paramref name="frames"/> receives the valid frames taken. Ok when at least one frame came,
    /// <see cref="UartSensorStatus.Timeout"/> when nothing, <see cref="UartSensorStatus.NoFrame"/> when only garbage.
    /// </summary>
    public int Poll(int quietMs, int maxBytes, out int frames)
    {
        frames = 0;
        var bytes = 0;
        while (bytes < maxBytes)
        {
            int n;
            try
            {
                n = _link.Read(_rx, 0, maxBytes - bytes < _rx.Length ? maxBytes - bytes : _rx.Length, quietMs);
            }
            catch (Exception)
            {
                return UartSensorStatus.LinkError;
            }

            if (n <= 0)
            {
                break;
            }

            bytes += n;
            for (var i = 0; i < n; i++)
            {
                if (_parser.Push(_rx[i]))
                {
                    frames++;
                    Frames++;
                    _filter.Add(_parser.DistanceMm);
                }
            }
        }

        return frames > 0 ? UartSensorStatus.Ok : bytes == 0 ? UartSensorStatus.Timeout : UartSensorStatus.NoFrame;
    }
}
