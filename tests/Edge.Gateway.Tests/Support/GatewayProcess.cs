using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Edge.Gateway.Hosting;

namespace Edge.Gateway.Tests.Support;

/// <summary>
/// The gateway as a real child process (<c>dotnet Edge.Gateway.dll ...</c>), as systemd or hw-sim runs it:
/// started until its ready line, then killed (SIGKILL) or terminated (SIGTERM).
/// </summary>
internal sealed partial class GatewayProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<int> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private GatewayProcess(Process process) => _process = process;

    public int Port { get; private set; }

    public string ReadyLine { get; private set; } = "";

    /// <summary>The /health and /metrics port from the line <c>gateway health http=127.0.0.1:port</c> (0 if none came before ready).</summary>
    public int HealthPort { get; private set; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>From start to the ready line.</summary>
    public TimeSpan TimeToReady { get; private set; }

    public static Task<GatewayProcess> StartAsync(IEnumerable<string> args, IDictionary<string, string>? environment = null) =>
        StartCommandAsync(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", [GatewayDll(), .. args], environment, TimeSpan.FromSeconds(60));

    /// <summary>Starts another build of the gateway (e.g. the arm64 one under qemu-user) and waits for its ready line.</summary>
    public static async Task<GatewayProcess> StartCommandAsync(string file, IEnumerable<string> args, IDictionary<string, string>? environment, TimeSpan readyTimeout)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var gateway = new GatewayProcess(new Process { StartInfo = start, EnableRaisingEvents = true });
        gateway._process.OutputDataReceived += (_, e) => gateway.OnLine(e.Data);
        gateway._process.ErrorDataReceived += (_, e) => gateway.OnLine(e.Data);
        gateway._process.Exited += (_, _) =>
        {
            // Exited can fire before the last lines of stderr are read; WaitForExit() waits for both streams' end.
            gateway._process.WaitForExit();
            gateway._ready.TrySetException(new InvalidOperationException($"the gateway exited with {gateway._process.ExitCode} before it was ready:\n{gateway.Output}"));
        };
        var clock = Stopwatch.StartNew();
        gateway._process.Start();
        gateway._process.BeginOutputReadLine();
        gateway._process.BeginErrorReadLine();
        try
        {
            gateway.Port = await gateway._ready.Task.WaitAsync(readyTimeout);
            gateway.TimeToReady = clock.Elapsed;
        }
        catch
        {
            await gateway.DisposeAsync();
            throw;
        }

        return gateway;
    }

    /// <summary>
    /// The gateway's own build output (gateway/Edge.Gateway/bin/{configuration}/{tfm}/), not the copy beside the
    /// tests: that one's runtimeconfig names only Microsoft.NETCore.App, while this test project's ASP.NET Core
    /// reference keeps the Microsoft.Extensions assemblies out of its folder.
    /// </summary>
    private static string GatewayDll()
    {
        var tfmDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configurationDir = tfmDir.Parent!;
        var repo = configurationDir.Parent!.Parent!.Parent!.Parent!;
        var dll = Path.Combine(repo.FullName, "gateway", "Edge.Gateway", "bin", configurationDir.Name, tfmDir.Name, Path.GetFileName(typeof(GatewayHost).Assembly.Location));
        return File.Exists(dll) ? dll : throw new FileNotFoundException("build gateway/Edge.Gateway first", dll);
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a power cut of the process.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as systemd stops a service; returns the exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-s", "TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        var health = HealthPattern().Match(line);
        if (health.Success)
        {
            HealthPort = int.Parse(health.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        }

        var match = ReadyPattern().Match(line);
        if (match.Success)
        {
            ReadyLine = line;
            _ready.TrySetResult(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [GeneratedRegex(@"^gateway ready mqtt=127\.0\.0\.1:(\d+)$")]
    private static partial Regex ReadyPattern();

    [GeneratedRegex(@"^gateway health http=127\.0\.0\.1:(\d+)$")]
    private static partial Regex HealthPattern();
}
