namespace Edge.HwSim.Physics;

/// <summary>
/// A pulse meter's register: it counts whole litres (one pulse per litre), up for forward flow and down for reverse
/// flow, and remembers whether it counted down since the last reading (firmware/FRAME.md, flags bit 0).
/// </summary>
public sealed class MeterRegister(long startLitres)
{
    private double _litres = startLitres;
    private bool _reverseSinceReading;

    /// <summary>The register's reading: whole litres counted so far.</summary>
    public long Litres => (long)Math.Floor(_litres + 1e-9);

    /// <summary>Adds one hour's flow.</summary>
    public void Add(MeterFlow flow)
    {
        _litres += flow.NetLitres;
        _reverseSinceReading |= flow.Reverse;
    }

    /// <summary>Takes a reading: the register and whether reverse flow was counted since the previous reading.</summary>
    public (long Litres, bool Reverse) Read()
    {
        var reading = (Litres, _reverseSinceReading);
        _reverseSinceReading = false;
        return reading;
    }
}
