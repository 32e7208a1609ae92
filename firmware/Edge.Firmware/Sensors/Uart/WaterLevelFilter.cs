namespace Edge.Firmware.Sensors.Uart;

/// <summary>
/// Water level from an ultrasonic distance looking down at the surface: level = mount height − distance,
/// taken from the median of the last <c>window</c> valid distances, which rejects splashes, drops and
/// floating debris (short echoes) and lost echoes (long ones) as long as they are fewer than half the window.
/// Distances outside the sensor's range are refused and counted. Integers in mm; no allocation after construction.
/// </summary>
public sealed class WaterLevelFilter
{
    /// <summary>Largest median window.</summary>
    public const int MaxWindow = 31;

    private readonly int[] _ring;
    private readonly int[] _sorted;
    private readonly int _window;
    private readonly int _mountHeightMm;
    private readonly int _minDistanceMm;
    private readonly int _maxDistanceMm;
    private int _head;
    private int _count;

    /// <summary>Creates a filter.</summary>
    /// <param name="mountHeightMm">Height of the sensor face above the level's zero (e.g. the gauge datum), mm.</param>
    /// <param name="window">Median window, odd, 1 … 31 (an even value is made odd by adding one).</param>
    /// <param name="minDistanceMm">Shortest valid distance (A02YYUW blind zone: 30 mm).</param>
    /// <param name="maxDistanceMm">Longest valid distance (A02YYUW: 4,500 mm).</param>
    public WaterLevelFilter(int mountHeightMm, int window, int minDistanceMm, int maxDistanceMm)
    {
        if (window < 1)
        {
            window = 1;
        }

        if (window > MaxWindow)
        {
            window = MaxWindow;
        }

        if ((window & 1) == 0)
        {
            window++;
        }

        _window = window;
        _ring = new int[window];
        _sorted = new int[window];
        _mountHeightMm = mountHeightMm;
        _minDistanceMm = minDistanceMm;
        _maxDistanceMm = maxDistanceMm;
    }

    /// <summary>The median window in use.</summary>
    public int Window => _window;

    /// <summary>Valid distances in the window (up to <see cref="Window"/>).</summary>
    public int Count => _count;

    /// <summary>Distances refused as out of range.</summary>
    public long OutOfRange { get; private set; }

    /// <summary>True once the window is full: <see cref="LevelMm"/> is then the filtered level.</summary>
    public bool Ready => _count == _window;

    /// <summary>Median distance of the window (mm); 0 when empty.</summary>
    public int MedianDistanceMm { get; private set; }

    /// <summary>Mount height minus the median distance (mm); can be negative (surface below the datum).</summary>
    public int LevelMm => _mountHeightMm - MedianDistanceMm;

    /// <summary>Adds a distance; false when refused as out of range.</summary>
    public bool Add(int distanceMm)
    {
        if (distanceMm < _minDistanceMm || distanceMm > _maxDistanceMm)
        {
            OutOfRange++;
            return false;
        }

        _ring[_head] = distanceMm;
        _head = _head + 1 == _window ? 0 : _head + 1;
        if (_count < _window)
        {
            _count++;
        }

        MedianDistanceMm = Median();
        return true;
    }

    /// <summary>Empties the window.</summary>
    public void Clear()
    {
        _count = 0;
        _head = 0;
        MedianDistanceMm = 0;
    }

    // Insertion sort of the (at most 31) samples; with an even count the lower middle.
    private int Median()
    {
        for (var i = 0; i < _count; i++)
        {
            var v = _ring[i];
            var j = i;
            while (j > 0 && _sorted[j - 1] > v)
            {
                _sorted[j] = _sorted[j - 1];
                j--;
            }

            _sorted[j] = v;
        }

        return _sorted[(_count - 1) / 2];
    }
}
