using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Ingest.Tests.Support;

/// <summary>The ingest app on a test server, with its own database file, fake clock and test API keys.</summary>
public sealed class IngestAppFactory : WebApplicationFactory<Program>
{
    /// <summary>Gateway key of gateway <see cref="Gateway1"/>.</summary>
    public const string Gateway1Key = "test-key-gw-1";

    /// <summary>Gateway key of gateway <c>gw-2</c>.</summary>
    public const string Gateway2Key = "test-key-gw-2";

    /// <summary>Reader key.</summary>
    public const string ReaderKey = "test-key-reader";

    /// <summary>Admin key.</summary>
    public const string AdminKey = "test-key-admin";

    /// <summary>Gateway id of <see cref="Gateway1Key"/>.</summary>
    public const string Gateway1 = "gw-1";

    /// <summary>API key with the role <c>waterworks</c>.</summary>
    public const string WaterworksKey = "test-key-waterworks";

    /// <summary>API key with the role <c>disaster</c>.</summary>
    public const string DisasterKey = "test-key-disaster";

    /// <summary>API key with the role <c>welfare</c>.</summary>
    public const string WelfareKey = "test-key-welfare";

    /// <summary>Where the fake server clock starts.</summary>
    public static readonly DateTimeOffset Start = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, string?> _settings;

    /// <summary>Creates the app on <paramref name="databasePath"/>, with optional extra <c>Edge:Ingest</c> settings.</summary>
    public IngestAppFactory(string databasePath, IReadOnlyDictionary<string, string?>? ingestSettings = null)
    {
        _settings = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Edge:Ingest:DatabasePath"] = databasePath,
        };
        AddKey(0, Gateway1Key, "gateway", Gateway1);
        AddKey(1, Gateway2Key, "gateway", "gw-2");
        AddKey(2, ReaderKey, "reader", "");
        AddKey(3, AdminKey, "admin", "");
        AddKey(4, WaterworksKey, "waterworks", "");
        AddKey(5, DisasterKey, "disaster", "");
        AddKey(6, WelfareKey, "welfare", "");
        foreach (var (key, value) in ingestSettings ?? new Dictionary<string, string?>())
        {
            _settings[$"Edge:Ingest:{key}"] = value;
        }
    }

    /// <summary>The server clock.</summary>
    public FakeTimeProvider Time { get; } = new(Start);

    /// <summary>What the app logged at Warning and above.</summary>
    public LogCapture Logs { get; } = new();

    /// <summary>A client that sends <paramref name="apiKey"/>, or no key when it is null.</summary>
    public HttpClient CreateClient(string? apiKey)
    {
        var client = CreateClient();
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return client;
    }

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(_settings));
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
            services.AddSingleton<ILoggerProvider>(Logs);
        });
    }

    private void AddKey(int index, string key, string role, string gatewayId)
    {
        _settings[$"Edge:Ingest:ApiKeys:{index}:Key"] = key;
        _settings[$"Edge:Ingest:ApiKeys:{index}:Role"] = role;
        _settings[$"Edge:Ingest:ApiKeys:{index}:GatewayId"] = gatewayId;
    }
}
