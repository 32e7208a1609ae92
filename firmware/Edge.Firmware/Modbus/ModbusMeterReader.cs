using System;

namespace Edge.Firmware.Modbus;

/// <summary>
/// Reads a meter's register map through a <see cref="ModbusRtuMaster"/>: points that follow each other in the same
/// table without a gap are read with one request (up to 125 registers, Application Protocol §6.3); nothing between
/// points is read, since many meters answer exception 02 for unmapped registers. Each point's value (or error) is in
/// <see cref="Values"/> at the point's index. Buffers are allocated once: no allocation per read (error texts excepted).
/// </summary>
public sealed class ModbusMeterReader
{
    private readonly ModbusRtuMaster _master;
    private readonly ModbusPoint[] _points;
    private readonly ModbusValue[] _values;
    private readonly ushort[] _registers = new ushort[ModbusFunction.MaxReadRegisters];

    /// <summary>Creates a reader of <paramref name="points"/> through <paramref name="master"/>.</summary>
    public ModbusMeterReader(ModbusRtuMaster master, ModbusPoint[] points)
    {
        if (master == null)
        {
            throw new ArgumentNullException("master");
        }

        if (points == null || points.Length == 0)
        {
            throw new ArgumentException("at least one point is required", "points");
        }

        _master = master;
        _points = points;
        _values = new ModbusValue[points.Length];
        for (var i = 0; i < points.Length; i++)
        {
            if (points[i] == null)
            {
                throw new ArgumentNullException("points");
            }

            _values[i] = new ModbusValue();
        }
    }

    /// <summary>The points, in configuration order.</summary>
    public ModbusPoint[] Points => _points;

    /// <summary>The values of the last <see cref="Read"/>, one per point.</summary>
    public ModbusValue[] Values => _values;

    /// <summary>Requests the last <see cref="Read"/> made.</summary>
    public int LastRequests { get; private set; }

    /// <summary>
    /// Reads every point of <paramref name="slave"/>; returns how many have a value. A failed request marks its points
    /// with the master's reason and the others are still read. <see cref="ModbusResult"/> of the last failed request in
    /// <paramref name="lastFailure"/> (Ok when none failed).
    /// </summary>
    public int Read(int slave, out int lastFailure)
    {
        lastFailure = ModbusResult.Ok;
        LastRequests = 0;
        var valid = 0;
        var first = 0;
        while (first < _points.Length)
        {
            var table = _points[first].Table;
            var start = _points[first].Address;
            var end = start + _points[first].RegisterCount;
            var last = first;
            while (last + 1 < _points.Length && _points[last + 1].Table == table && _points[last + 1].Address == end
                && end + _points[last + 1].RegisterCount - start <= ModbusFunction.MaxReadRegisters)
            {
                last++;
                end += _points[last].RegisterCount;
            }

            LastRequests++;
            var result = _master.ReadRegisters(ModbusTable.ReadFunction(table), slave, start, end - start, _registers, 0);
            for (var i = first; i <= last; i++)
            {
                if (result != ModbusResult.Ok)
                {
                    _values[i].Fail(_master.LastError ?? ModbusResult.Name(result));
                }
                else if (ModbusValueDecoder.Decode(_points[i], _registers, _points[i].Address - start, _values[i]))
                {
                    valid++;
                }
            }

            if (result != ModbusResult.Ok)
            {
                lastFailure = result;
            }

            first = last + 1;
        }

        return valid;
    }
}
