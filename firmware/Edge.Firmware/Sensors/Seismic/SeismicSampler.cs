namespace Edge.Firmware.Sensors.Seismic;

/// <summary>
/// The 100 Hz acceleration stream of a node: drains the ADXL355 FIFO (125 Hz), converts to 100 Hz
/// (<see cref="RateConverter"/>), watches for a stuck sensor and feeds the <see cref="SeismicTrigger"/>.
/// Call <see cref="Poll"/> at least every 200 ms (the FIFO holds 32 samples, 256 ms at 125 Hz). No allocation
/// after construction.
/// </summary>
public sealed class SeismicSampler
{
    /// <summary>Output rate (mHz): JMA's intensity and our windows are at 100 Hz.</summary>
    public const int OutputMilliHz = 100000;

    private const int FifoSamples = 32;

    private readonly Adxl355 _sensor;
    private readonly SeismicTrigger _trigger;
    private readonly int _stuckLimit;
    private readonly int[] _fx = new int[FifoSamples];
    private readonly int[] _fy = new int[FifoSamples];
    private readonly int[] _fz = new int[FifoSamples];
    private readonly int[] _ox = new int[4];
    private readonly int[] _oy = new int[4];
    private readonly int[] _oz = new int[4];
    private RateConverter? _converter;
    private int _lastX;
    private int _lastY;
    private int _lastZ;
    private int _same;

    /// <summary>Creates the sampler.</summary>
    /// <param name="sensor">The driver; started by <see cref="Start"/>.</param>
    /// <param name="trigger">Receives every 100 Hz sample.</param>
    /// <param name="stuckLimitSamples">Identical raw samples in a row (all three axes) that mean a stuck sensor; a live ADXL355's noise (about 25 µg/√Hz, tens of LSB at ±2 g) never repeats that long. 0 disables.</param>
    public SeismicSampler(Adxl355 sensor, SeismicTrigger trigger, int stuckLimitSamples)
    {
        _sensor = sensor;
        _trigger = trigger;
        _stuckLimit = stuckLimitSamples;
    }

    /// <summary>100 Hz samples delivered to the trigger.</summary>
    public long SamplesOut { get; private set; }

    /// <summary>FIFO overruns and misalignments seen (samples lost).</summary>
    public int Gaps { get; private set; }

    /// <summary>Bus errors seen by <see cref="Poll"/>.</summary>
    public int BusErrors { get; private set; }

    /// <summary>True while the raw output has not changed for the stuck limit.</summary>
    public bool Stuck => _stuckLimit > 0 && _same >= _stuckLimit;

    /// <summary>Starts the sensor at ±2 g, 125 Hz, high-pass off.</summary>
    public int Start()
    {
        var status = _sensor.Start(Adxl355.Range2G, Adxl355.Odr125Hz, Adxl355.HighPassOff);
        if (status == Adxl355Status.Ok)
        {
            _converter = new RateConverter(_sensor.OdrMilliHz, OutputMilliHz);
            _same = 0;
        }

        return status;
    }

    /// <summary>
    /// Drains the FIFO into the trigger. Returns <see cref="Adxl355Status.Ok"/>, a driver status
    /// (bus error, overrun, misalignment: the stream restarts its interpolation after a gap) or
    /// <see cref="Adxl355Status.Stuck"/>.
    /// </summary>
    public int Poll()
    {
        var converter = _converter;
        if (converter == null)
        {
            return Adxl355Status.NotStarted;
        }

        var status = _sensor.ReadFifo(_fx, _fy, _fz, 0, FifoSamples, out var count);
        if (status == Adxl355Status.BusError)
        {
            BusErrors++;
            return status;
        }

        if (status == Adxl355Status.FifoOverrun || status == Adxl355Status.FifoMisaligned)
        {
            // Samples were lost before (overrun) or after (misaligned) these: do not interpolate across the gap.
            Gaps++;
            if (status == Adxl355Status.FifoOverrun)
            {
                converter.Reset();
            }
        }

        for (var i = 0; i < count; i++)
        {
            var x = _fx[i];
            var y = _fy[i];
            var z = _fz[i];
            if (x == _lastX && y == _lastY && z == _lastZ)
            {
                if (_same < int.MaxValue)
                {
                    _same++;
                }
            }
            else
            {
                _same = 0;
                _lastX = x;
                _lastY = y;
                _lastZ = z;
            }

            var n = converter.Push(x, y, z, _ox, _oy, _oz, 0);
            for (var k = 0; k < n; k++)
            {
                _trigger.Add(_ox[k], _oy[k], _oz[k]);
                SamplesOut++;
            }
        }

        if (status == Adxl355Status.FifoMisaligned)
        {
            converter.Reset();
        }

        if (status == Adxl355Status.Ok && Stuck)
        {
            return Adxl355Status.Stuck;
        }

        return status;
    }
}
