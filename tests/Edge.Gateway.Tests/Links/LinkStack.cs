using Edge.Firmware.Host.Serial;
using Edge.Gateway.Batching;
using Edge.Gateway.Diagnostics;
using Edge.Gateway.Hosting;
using Edge.Gateway.Links.Ip;
using Edge.Gateway.Links.Iridium;
using Edge.Gateway.Links.Routing;
using Edge.Gateway.Store;
using Edge.Gateway.Tests.Support;
using Edge.Gateway.Uplink;
using Edge.HwSim.Iridium;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.Gateway.Tests.Links;

/// <summary>
/// The gateway's real store, batcher, uplink and link choice in scaled time, with up to two real links: "5g", an
/// IP link bound to <c>lo</c> through a <see cref="TcpRelay"/> (which can be cut) to one ingest, and "iridium",
/// the SBD link on a virtual 9603 over a pty whose endpoint reassembles and posts to another ingest.
/// </summary>
internal sealed class LinkStack : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _owned = [];
    private PosixSerialPort? _port;
    private IridiumModem? _driver;
    private IridiumSbdLink? _iridium;

    private LinkStack(string dataDir, double scale, DateTimeOffset start, Action<GatewayOptions> configure)
    {
        Time = new ScaledTimeProvider(scale, start);
        var settings = new GatewayOptions { Id = "gw-links", DataDir = dataDir };
        configure(settings);
        Options = Microsoft.Extensions.Options.Options.Create(settings);
        Database = new GatewayDatabase(Options, Time, NullLogger<GatewayDatabase>.Instance);
        Ledger = new BatchLedger(Database);
        Writer = new ReadingWriter(Database, Counters, Options, Signals, Time, NullLogger<ReadingWriter>.Instance);
        Usage = new LinkUsageStore(Database);
    }

    public ScaledTimeProvider Time { get; }

    public Microsoft.Extensions.Options.IOptions<GatewayOptions> Options { get; }

    public GatewayCounters Counters { get; } = new();

    public BatchSignals Signals { get; } = new();

    public GatewayDatabase Database { get; }

    public BatchLedger Ledger { get; }

    public ReadingWriter Writer { get; }

    public LinkUsageStore Usage { get; }

    public LinkRouter Router { get; private set; } = null!;

    public FakeIngest? FiveGIngest { get; private set; }

    public TcpRelay? Relay { get; private set; }

    public FakeIngest? SatelliteIngest { get; private set; }

    public Virtual9603? Modem { get; private set; }

    /// <summary>The Iridium link (for its session counters).</summary>
    public IridiumSbdLink? Iridium => _iridium;

    public VirtualSbdEndpoint? Endpoint { get; private set; }

    public BatcherService Batcher { get; private set; } = null!;

    public UplinkService Uplink { get; private set; } = null!;

    public DateTimeOffset Now => Time.GetUtcNow();

    public static async Task<LinkStack> StartAsync(
        string dataDir, double scale, DateTimeOffset start, Action<GatewayOptions> configure,
        LinkPolicyOptions? fiveG, LinkPolicyOptions? satellite, Virtual9603Options? modem = null, TimeSpan? probeInterval = null)
    {
        var stack = new LinkStack(dataDir, scale, start, configure);
        var lanes = new List<LinkLane>();
        if (fiveG is not null)
        {
            stack.FiveGIngest = await FakeIngest.StartAsync();
            stack.Relay = new TcpRelay(new Uri(stack.FiveGIngest.Url));
            var ip = new IpLink("5g", "lo", stack.Relay.Url, "key-5g", "/healthz", TimeSpan.FromSeconds(5), stack.Time);
            lanes.Add(new LinkLane(ip, fiveG, 0, fiveG.MaxMessageBytes, probeInterval ?? TimeSpan.FromSeconds(10), stack.Usage, stack.Time));
            stack._owned.Add(stack.Relay);
            stack._owned.Add(stack.FiveGIngest);
        }

        if (satellite is not null)
        {
            stack.SatelliteIngest = await FakeIngest.StartAsync();
            stack.Modem = new Virtual9603(modem ?? new Virtual9603Options(), stack.Time);
            stack.Modem.Start();
            stack.Endpoint = new VirtualSbdEndpoint(stack.Modem, stack.SatelliteIngest.Url, "key-sat", stack.Time);
            var port = new PosixSerialPort(stack.Modem.PortPath);
            var driver = new IridiumModem(port, new IridiumModemOptions { CommandTimeout = TimeSpan.FromHours(12), SessionTimeout = TimeSpan.FromHours(12) }, stack.Time, NullLogger<IridiumModem>.Instance);
            var options = new IridiumLinkOptions { AckTimeout = TimeSpan.FromHours(12), ResumeWindow = TimeSpan.FromHours(5), Policy = satellite };
            var link = new IridiumSbdLink(driver, options, stack.Time, NullLogger<IridiumSbdLink>.Instance);
            var size = satellite.MaxMessageBytes > 0 ? satellite.MaxMessageBytes : options.MaxMessageBytes - SbdFragment.HeaderBytes;
            lanes.Add(new LinkLane(link, satellite, 1, size, null, stack.Usage, stack.Time));
            stack._owned.Add(stack.Endpoint);
            stack._owned.Add(stack.SatelliteIngest);
            return stack.Started(lanes, port, driver, link);
        }

        return stack.Started(lanes, null, null, null);
    }

    /// <summary>Writes readings (and events) as a device frame would, received now.</summary>
    public Task WriteAsync(IReadOnlyList<ReadingRecord> readings, IReadOnlyList<EventRecord>? events = null) =>
        Writer.AppendAsync(new StoredFrame(readings, events ?? []), CancellationToken.None);

    /// <summary>Stops the services, then the links and their far ends.</summary>
    public async ValueTask DisposeAsync()
    {
        await Uplink.StopAsync(CancellationToken.None);
        await Batcher.StopAsync(CancellationToken.None);
        await Writer.StopAsync(CancellationToken.None);
        Router.Dispose();
        _iridium?.Dispose();
        _driver?.Dispose();
        _port?.Dispose();
        foreach (var owned in _owned)
        {
            await owned.DisposeAsync();
        }

        Modem?.Dispose();
    }

    private LinkStack Started(List<LinkLane> lanes, PosixSerialPort? port, IridiumModem? driver, IridiumSbdLink? iridium)
    {
        (_port, _driver, _iridium) = (port, driver, iridium);
        Router = new LinkRouter(lanes);
        var cutter = new BatchCutter(Ledger, new DrainQueue(Database), Options, Counters, NullLogger<BatchCutter>.Instance, Router);
        Batcher = new BatcherService(cutter, Signals, Options, Time, NullLogger<BatcherService>.Instance);
        Uplink = new UplinkService(Ledger, Router, Signals, Counters, Options, Time, NullLogger<UplinkService>.Instance);
        Writer.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        Batcher.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        Uplink.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        return this;
    }
}
