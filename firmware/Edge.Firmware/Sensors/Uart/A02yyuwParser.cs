namespace Edge.Firmware.Sensors.Uart;

/// <summary>
/// Receiver of A02YYUW distance frames (DFRobot SEN0311, UART output): 0xFF, distance high, distance low,
/// sum = (0xFF + high + low) &amp; 0xFF; distance in mm. A bad sum drops the 0xFF and rescans, since 0xFF can
/// also be a data byte. No allocation.
/// </summary>
public sealed class A02yyuwParser
{
    /// <summary>Frame header.</summary>
    public const byte Header = 0xFF;

    private readonly byte[] _buf = new byte[4];
    private int _count;

    /// <summary>Distance of the last frame (mm).</summary>
    public int DistanceMm { get; private set; }

    /// <summary>Bytes dropped while looking for a frame.</summary>
    public long GarbageBytes { get; private set; }

    /// <summary>Frames refused for their sum.</summary>
    public long BadFrames { get; private set; }

    /// <summary>Takes one byte; true when it completed a valid frame (<see cref="DistanceMm"/>).</summary>
    public bool Push(byte b)
    {
        _buf[_count++] = b;
        while (_count > 0)
        {
            if (_buf[0] != Header)
            {
                Drop();
                continue;
            }

            if (_count < 4)
            {
                return false;
            }

            if (((Header + _buf[1] + _buf[2]) & 0xFF) != _buf[3])
            {
                BadFrames++;
                Drop();
                continue;
            }

            DistanceMm = (_buf[1] << 8) | _buf[2];
            _count = 0;
            return true;
        }

        return false;
    }

    private void Drop()
    {
        GarbageBytes++;
        _count--;
        for (var i = 0; i < _count; i++)
        {
            _buf[i] = _buf[i + 1];
        }
    }
}
