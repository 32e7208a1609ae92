using Edge.Gateway.Batching;
using Edge.Gateway.Diagnostics;
using Edge.Gateway.Links;
using Edge.Gateway.Radio;
using Edge.Gateway.Southbound;
using Edge.Gateway.Store;
using Edge.Gateway.Uplink;

namespace Edge.Gateway.Hosting;

/// <summary>The gateway's settings, bound from the configuration section <c>Edge:Gateway</c>.</summary>
public sealed class GatewayOptions
{
    /// <summary>Configuration section the options are bound from.</summary>
    public const string SectionName = "Edge:Gateway";

    /// <summary>Gateway id: the first half of every batch id (gateway id, batch sequence).</summary>
    public string Id { get; set; } = "";

    /// <summary>Folder of the store (created if missing); relative paths are relative to the working directory.</summary>
    public string DataDir { get; set; } = "data";

    /// <summary>The embedded MQTT broker devices publish to.</summary>
    public MqttOptions Mqtt { get; set; } = new();

    /// <summary>Devices allowed to connect: the MQTT username is the device id.</summary>
    public List<DeviceCredential> Devices { get; set; } = [];

    /// <summary>Where acknowledged batches go.</summary>
    public IngestOptions Ingest { get; set; } = new();

    /// <summary>Size limit, classes, TTLs and shares of the store.</summary>
    public StoreOptions Store { get; set; } = new();

    /// <summary>When a batch is cut and how large it may be.</summary>
    public BatchOptions Batch { get; set; } = new();

    /// <summary>Retry timing of the uplink.</summary>
    public UplinkOptions Uplink { get; set; } = new();

    /// <summary>Serial inputs: wM-Bus receivers and wired M-Bus segments (gateway/Edge.Gateway/Radio/README.md).</summary>
    public List<SerialInputOptions> Inputs { get; set; } = [];

    /// <summary>The links batches travel over (issue 6); HTTP to <see cref="Ingest"/> unless a satellite link is configured.</summary>
    public LinksOptions Links { get; set; } = new();

    /// <summary>The /health and /metrics listener and the store probe behind /health and the systemd watchdog.</summary>
    public HealthOptions Health { get; set; } = new();

    /// <summary>Remote configuration (desired/reported) and disaster mode.</summary>
    public Control.ControlOptions Control { get; set; } = new();

    /// <summary>How often the counters are logged.</summary>
    public TimeSpan CounterLogInterval { get; set; } = TimeSpan.FromMinutes(1);
}
