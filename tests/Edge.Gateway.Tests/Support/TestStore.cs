using Edge.Gateway.Batching;
using Edge.Gateway.Diagnostics;
using Edge.Gateway.Hosting;
using Edge.Gateway.Store;
using Edge.Uplink;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Gateway.Tests.Support;

/// <summary>The real store components on a real SQLite file in a temp dir, with a fake clock.</summary>
internal sealed class TestStore
{
    public TestStore(string dataDir, Action<GatewayOptions>? configure = null, FakeTimeProvider? time = null)
    {
        var settings = new GatewayOptions { Id = GatewayConfig.GatewayId, DataDir = dataDir };
        configure?.Invoke(settings);
        Options = Microsoft.Extensions.Options.Options.Create(settings);
        Time = time ?? new FakeTimeProvider(DateTimeOffset.Parse("2025-11-25T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        Database = new GatewayDatabase(Options, Time, NullLogger<GatewayDatabase>.Instance);
        Ledger = new BatchLedger(Database);
        Queue = new DrainQueue(Database);
        Writer = new ReadingWriter(Database, Counters, Options, Signals, Time, NullLogger<ReadingWriter>.Instance);
        Expiry = new StoreExpiry(Database, Options, Counters);
    }

    public IOptions<GatewayOptions> Options { get; }

    public FakeTimeProvider Time { get; }

    public GatewayCounters Counters { get; } = new();

    public GatewayDatabase Database { get; }

    public BatchLedger Ledger { get; }

    public DrainQueue Queue { get; }

    public ReadingWriter Writer { get; }

    public StoreExpiry Expiry { get; }

    public BatchSignals Signals { get; } = new();

    public static ReadingRecord Reading(long seq, long mantissa = 1000, int scale = 0, string device = Frames.Device, string channel = "volume", long receivedMs = 1_764_028_800_000) =>
        new(device, seq, channel, "l", mantissa, scale, 1_764_028_800_000 + (seq * 60_000), ClockQuality.Ntp, 0, receivedMs, DataClass.Reading);
}
