using Edge.Firmware.Sensors;

namespace Edge.HwSim.Sensors;

/// <summary>
/// Common behaviour of Sensirion command-based sensors (SHT3x, SHT4x, SCD4x): a command is written, the
/// sensor is busy for the command's execution time and NACKs reads (and commands) meanwhile, then the answer
/// words, each followed by its CRC-8, can be read once. Faults: NACK (base class), corrupted CRCs, frozen
/// values (the answer repeats the last one).
/// </summary>
public abstract class SimulatedSensirion : SimulatedI2cDevice
{
    private readonly int[] _answer = new int[3];
    private int[] _lastValues = [];
    private int _answerWords;
    private DateTimeOffset _busyUntil;

    /// <summary>A sensor at <paramref name="address"/>.</summary>
    protected SimulatedSensirion(int address, TimeProvider time)
        : base(address, time)
    {
    }

    /// <summary>Fault: the next N answers carry a wrong CRC on their first word.</summary>
    public int CorruptCrcNext { get; set; }

    /// <summary>Fault: every answer carries wrong CRCs.</summary>
    public bool CorruptCrcAll { get; set; }

    /// <summary>Fault: measurements repeat the previous raw values (a stuck sensor).</summary>
    public bool FreezeOutputs { get; set; }

    /// <summary>True while a command executes.</summary>
    protected bool Busy => Time.GetUtcNow() < _busyUntil;

    /// <inheritdoc />
    protected sealed override void OnWrite(ReadOnlySpan<byte> data)
    {
        if (Busy)
        {
            throw Nack("busy executing the previous command");
        }

        _answerWords = 0;
        if (!OnCommand(data))
        {
            throw Nack("unknown or refused command");
        }
    }

    /// <inheritdoc />
    protected sealed override void OnRead(Span<byte> data)
    {
        if (Busy)
        {
            throw Nack("measurement or command still running");
        }

        if (_answerWords == 0)
        {
            throw Nack("no data to read");
        }

        var corrupt = CorruptCrcAll || CorruptCrcNext > 0;
        if (CorruptCrcNext > 0)
        {
            CorruptCrcNext--;
        }

        Span<byte> bytes = stackalloc byte[9];
        var buffer = new byte[3];
        for (var i = 0; i < _answerWords; i++)
        {
            SensirionCrc.WriteWord(buffer, 0, _answer[i]);
            if (corrupt && (i == 0 || CorruptCrcAll))
            {
                buffer[2] ^= 0x5A;
            }

            buffer.CopyTo(bytes[(i * 3)..]);
        }

        // A read shorter than the answer is legal (the controller NACKs early); longer reads 0xFF.
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = i < _answerWords * 3 ? bytes[i] : (byte)0xFF;
        }

        _answerWords = 0;
    }

    /// <summary>Handles a command; false refuses it (NACK).</summary>
    protected abstract bool OnCommand(ReadOnlySpan<byte> data);

    /// <summary>Makes the sensor busy for <paramref name="microseconds"/>.</summary>
    protected void BusyFor(int microseconds) => _busyUntil = Time.GetUtcNow().AddTicks(microseconds * 10L);

    /// <summary>Queues the answer words (read once, after the busy time).</summary>
    protected void Answer(params int[] words)
    {
        words.CopyTo(_answer, 0);
        _answerWords = words.Length;
    }

    /// <summary>Queues a measurement answer, honouring <see cref="FreezeOutputs"/>.</summary>
    protected void AnswerMeasurement(params int[] words)
    {
        if (FreezeOutputs && _lastValues.Length == words.Length)
        {
            words = _lastValues;
        }

        _lastValues = words;
        Answer(words);
    }

    /// <summary>The raw code of a temperature: S = (T + 45)·65535/175, clamped to 16 bits.</summary>
    protected static int RawTemperature(double celsius) => Clamp16((celsius + 45.0) * 65535.0 / 175.0);

    /// <summary>Clamps and rounds to 0..65535.</summary>
    protected static int Clamp16(double value) => (int)Math.Round(Math.Clamp(value, 0, 65535));
}
