using Edge.HwSim.Fleet;

namespace Edge.HwSim.Demo;

/// <summary>Where and how the simulator runs the real ingest and gateway.</summary>
public sealed class StackOptions
{
    /// <summary>Folder for the ingest database, the gateway store and the gateway's config file.</summary>
    public required string DataDir { get; init; }

    /// <summary>The fleet whose devices the gateway must accept.</summary>
    public required FleetOptions Fleet { get; init; }

    /// <summary>Gateway id.</summary>
    public string GatewayId { get; init; } = "gw-demo";

    /// <summary>Ingest HTTP port on 127.0.0.1.</summary>
    public int IngestPort { get; init; }

    /// <summary>Largest readings per batch (small values make many batches, as on a narrow link).</summary>
    public int BatchMaxReadings { get; init; } = 5000;

    /// <summary>How long the gateway waits before cutting a partly filled batch.</summary>
    public TimeSpan BatchMaxDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Run the gateway as a child process (so it can be killed like a power cut) instead of in this process.</summary>
    public bool GatewayOutOfProcess { get; init; }

    /// <summary>API key of the gateway at the ingest.</summary>
    public string GatewayKey { get; init; } = "gw-" + Guid.NewGuid().ToString("N");

    /// <summary>API key of a reader (waterworks) at the ingest.</summary>
    public string ReaderKey { get; init; } = "rd-" + Guid.NewGuid().ToString("N");
}
