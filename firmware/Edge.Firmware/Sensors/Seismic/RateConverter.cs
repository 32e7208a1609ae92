namespace Edge.Firmware.Sensors.Seismic;

/// <summary>
/// Converts a 3-axis integer sample stream from one rate to a lower one by linear interpolation in exact
/// integer steps: 125 Hz → 100 Hz puts output k at input position 1.25·k (step 5/4), so each output is
/// prev + (next − prev)·q/4 with q in 0 … 3. The ADXL355 has no 100 Hz rate; its 125 Hz low-pass (31.25 Hz)
/// keeps the band the JMA filter weighs (mostly 0.5 … 10 Hz); interpolation halfway between two samples
/// has the gain cos(π·f/125 Hz): 0.9987 at 2 Hz, 0.969 at 10 Hz, where the JMA filter's own gain is already 0.22.
/// </summary>
public sealed class RateConverter
{
    private readonly int _step;
    private readonly int _denominator;
    private int _position;
    private bool _primed;
    private int _px;
    private int _py;
    private int _pz;

    /// <summary>Creates a converter from <paramref name="inputMilliHz"/> to <paramref name="outputMilliHz"/> (output ≤ input).</summary>
    public RateConverter(int inputMilliHz, int outputMilliHz)
    {
        if (outputMilliHz <= 0 || inputMilliHz < outputMilliHz)
        {
            inputMilliHz = 1;
            outputMilliHz = 1;
        }

        var g = Gcd(inputMilliHz, outputMilliHz);
        _step = inputMilliHz / g;
        _denominator = outputMilliHz / g;
    }

    /// <summary>Output samples produced so far by the last <see cref="Push"/> (0, 1 or more).</summary>
    public int Count { get; private set; }

    /// <summary>Forgets the stream (after lost samples).</summary>
    public void Reset()
    {
        _primed = false;
        _position = 0;
        Count = 0;
    }

    /// <summary>
    /// Takes one input sample; writes the outputs it completes into the arrays at
    /// <paramref name="offset"/>… (room for at least one more than input/output rate) and returns their number.
    /// </summary>
    public int Push(int x, int y, int z, int[] ox, int[] oy, int[] oz, int offset)
    {
        var n = 0;
        if (!_primed)
        {
            _primed = true;
            _px = x;
            _py = y;
            _pz = z;
            return 0;
        }

        // Outputs whose position lies in [previous, this) input sample, position in 1/denominator steps.
        while (_position < _denominator)
        {
            ox[offset + n] = Lerp(_px, x, _position);
            oy[offset + n] = Lerp(_py, y, _position);
            oz[offset + n] = Lerp(_pz, z, _position);
            n++;
            _position += _step;
        }

        _position -= _denominator;
        _px = x;
        _py = y;
        _pz = z;
        Count += n;
        return n;
    }

    private int Lerp(int a, int b, int q)
    {
        // Rounded to nearest, ties toward +infinity; |a|, |b| < 2^20 and q < denominator keep this in int.
        var num = ((long)a * (_denominator - q)) + ((long)b * q);
        var v = num + (_denominator / 2);
        var r = v / _denominator;
        if (v < 0 && r * _denominator != v)
        {
            r--; // floor, not truncation toward zero
        }

        return (int)r;
    }

    private static int Gcd(int a, int b)
    {
        while (b != 0)
        {
            var t = a % b;
            a = b;
            b = t;
        }

        return a;
    }
}
