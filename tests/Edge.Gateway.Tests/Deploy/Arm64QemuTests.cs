using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Edge.Gateway.Tests.Diagnostics;
using Edge.Gateway.Tests.Support;
using MQTTnet;
using Xunit.Abstractions;

namespace Edge.Gateway.Tests.Deploy;

/// <summary>Runs alone: the publish keeps both cores busy for a minute, which would skew the timing of other tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class Arm64Collection
{
    public const string Name = "arm64 publish";
}

/// <summary>
/// The Raspberry Pi build: <c>dotnet publish -r linux-arm64 --self-contained</c> of the gateway, run under
/// qemu-user (Debian <c>qemu-user</c>) with Debian's arm64 C, C++ and OpenSSL libraries installed beside the host's
/// (multiarch: <c>libc6:arm64 libstdc++6:arm64 libssl3:arm64</c>), as a Pi's Debian has them; <c>.ci/run</c>
/// installs them. It must start, answer /health and /metrics, store a device's frame and stop on SIGTERM as
/// systemd stops it. Takes a few minutes: set EDGE_SKIP_ARM64=1 to skip it outside CI.
/// </summary>
[Collection(Arm64Collection.Name)]
public sealed class Arm64QemuTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>The arm64 loader and the libraries the runtime loads (OpenSSL at the first hash: device passwords).</summary>
    public static readonly string[] Arm64Libraries =
    [
        "/lib/ld-linux-aarch64.so.1", "/usr/lib/aarch64-linux-gnu/libstdc++.so.6", "/usr/lib/aarch64-linux-gnu/libssl.so.3",
    ];

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Arm64Fact]
    public async Task PublishLinuxArm64_UnderQemu_StartsAnswersHealthStoresAndStops()
    {
        var publish = _dir.File("publish");
        var clock = Stopwatch.StartNew();
        var published = await Tool.RunAsync(
            Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
            [
                "publish", Path.Combine(RepoPaths.Root, "gateway", "Edge.Gateway", "Edge.Gateway.csproj"),
                "-c", "Release", "-r", "linux-arm64", "--self-contained",
                // A build of its own (not the checkout's obj/ and bin/, which the other tests run from), and no
                // MSBuild nodes left running after the test (the compiler server of the main build is reused).
                "--artifacts-path", _dir.File("artifacts"), "-o", publish, "-nodeReuse:false", "-nologo",
            ],
            TimeSpan.FromMinutes(10),
            CleanBuildEnvironment());
        var publishTime = clock.Elapsed;
        Assert.True(published.Exit == 0, Tool.Describe(published));

        var exe = Path.Combine(publish, "Edge.Gateway");
        Assert.Equal(0xB7, ElfMachine(exe)); // EM_AARCH64
        var folderBytes = new DirectoryInfo(publish).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
        var exeBytes = new FileInfo(exe).Length;
        var dllBytes = new FileInfo(Path.Combine(publish, "Edge.Gateway.dll")).Length;

        var settings = GatewayConfig.Defaults(_dir.File("data"));
        await using var gateway = await GatewayProcess.StartCommandAsync(
            "qemu-aarch64", [exe, .. GatewayConfig.Args(settings)], null, TimeSpan.FromMinutes(3));
        Assert.NotEqual(0, gateway.HealthPort);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        using var health = await http.GetAsync(new Uri($"http://127.0.0.1:{gateway.HealthPort}/health"));
        var healthBody = await health.Content.ReadAsStringAsync();
        Assert.Equal(200, (int)health.StatusCode);
        using (var json = JsonDocument.Parse(healthBody))
        {
            Assert.Equal("ok", json.RootElement.GetProperty("status").GetString());
        }

        using (var device = await DeviceClient.ConnectAsync(gateway.Port, Frames.Device, GatewayConfig.Password1))
        {
            var result = await device.PublishAsync(DeviceClient.Topic(Frames.Device), Frames.Example);
            Assert.Equal(MqttClientPublishReasonCode.Success, result.ReasonCode);
        }

        var metrics = PrometheusText.Parse(await http.GetStringAsync(new Uri($"http://127.0.0.1:{gateway.HealthPort}/metrics")));
        Assert.Equal("arm64", Assert.Single(metrics.Find("edge_gateway_build_info")).Labels["arch"]);
        Assert.Equal(2, metrics.Value("edge_gateway_readings_total", ("result", "stored")));

        var exit = await gateway.TerminateAsync(TimeSpan.FromSeconds(60));
        Assert.True(exit == 0, gateway.Output);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"linux-arm64 self-contained: publish {publishTime.TotalSeconds:F0} s; folder {folderBytes / 1e6:F1} MB; Edge.Gateway {exeBytes / 1e3:F0} kB + Edge.Gateway.dll {dllBytes / 1e3:F0} kB; start to ready under qemu-aarch64 {gateway.TimeToReady.TotalSeconds:F1} s"));
    }

    /// <summary>e_machine of an ELF file.</summary>
    private static int ElfMachine(string path)
    {
        var header = new byte[20];
        using (var file = File.OpenRead(path))
        {
            file.ReadExactly(header);
        }

        Assert.Equal(new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F' }, header[..4]);
        return header[18] | (header[19] << 8);
    }

    /// <summary>
    /// The environment without what <c>dotnet test</c> sets for its own MSBuild (SDK and extension paths), which a
    /// nested <c>dotnet publish</c> must not inherit.
    /// </summary>
    private static Dictionary<string, string?> CleanBuildEnvironment() =>
        Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k.StartsWith("MSBUILD", StringComparison.Ordinal))
            .ToDictionary(k => k, _ => (string?)null);
}

/// <summary>
/// Skips with the reason when qemu-user or the arm64 sysroot is missing, or EDGE_SKIP_ARM64=1, outside CI; under
/// CI (CI=true) it always runs, so a missing install fails instead of passing by skipping.
/// </summary>
public sealed class Arm64FactAttribute : FactAttribute
{
    public Arm64FactAttribute()
    {
        if (ToolFactAttribute.UnderCi)
        {
            return;
        }

        if (Environment.GetEnvironmentVariable("EDGE_SKIP_ARM64") == "1")
        {
            Skip = "EDGE_SKIP_ARM64=1";
        }
        else if (!Tool.Exists("qemu-aarch64"))
        {
            Skip = "qemu-aarch64 not found: apt-get install qemu-user (.ci/run installs it)";
        }
        else if (Arm64QemuTests.Arm64Libraries.FirstOrDefault(f => !File.Exists(f)) is { } missing)
        {
            Skip = $"{missing} not found: dpkg --add-architecture arm64; apt-get update; apt-get install libc6:arm64 libgcc-s1:arm64 libstdc++6:arm64 libssl3:arm64 (.ci/run installs them)";
        }
    }
}
