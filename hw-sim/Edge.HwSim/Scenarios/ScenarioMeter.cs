using Edge.HwSim.Physics;

namespace Edge.HwSim.Scenarios;

/// <summary>One simulated pulse water meter of a scenario: where it is, what flows through it, its register.</summary>
public sealed class ScenarioMeter
{
    /// <summary>Creates the meter.</summary>
    public ScenarioMeter(string deviceId, ScenarioArea area, double latitude, double longitude, PremisesModel premises, long registerStartLitres)
    {
        DeviceId = deviceId;
        Area = area;
        Latitude = latitude;
        Longitude = longitude;
        Premises = premises;
        Register = new MeterRegister(registerStartLitres);
    }

    /// <summary>Device id.</summary>
    public string DeviceId { get; }

    /// <summary>The status area it counts in.</summary>
    public ScenarioArea Area { get; }

    /// <summary>Latitude, degrees (WGS 84).</summary>
    public double Latitude { get; }

    /// <summary>Longitude, degrees (WGS 84).</summary>
    public double Longitude { get; }

    /// <summary>Its premises: ordinary use and scheduled events.</summary>
    public PremisesModel Premises { get; }

    /// <summary>Its register.</summary>
    public MeterRegister Register { get; }

    /// <summary>The device's next sequence number (born on the device, 1 first).</summary>
    public long NextSeq { get; set; } = 1;
}
