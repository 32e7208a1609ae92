namespace Edge.HwSim.Physics;

/// <summary>What passed through a meter in one hour.</summary>
/// <param name="ForwardLitres">Litres delivered to the premises.</param>
/// <param name="ReverseLitres">Litres that flowed back into the main.</param>
public readonly record struct MeterFlow(double ForwardLitres, double ReverseLitres)
{
    /// <summary>The register's change: forward minus reverse.</summary>
    public double NetLitres => ForwardLitres - ReverseLitres;

    /// <summary>Whether the meter counted reverse flow (it then sets its reverse flag).</summary>
    public bool Reverse => ReverseLitres > 0;
}
