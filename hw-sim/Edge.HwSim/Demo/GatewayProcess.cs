using System.Diagnostics;
using Edge.Gateway.Hosting;

namespace Edge.HwSim.Demo;

/// <summary>
/// The real gateway as a child process, so that a test can cut its power: <see cref="Kill"/> sends SIGKILL,
/// which gives the process no chance to flush or close anything.
/// </summary>
public sealed class GatewayProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private GatewayProcess(Process process)
    {
        _process = process;
    }

    /// <summary>Everything the gateway printed (stdout and stderr), for diagnosis.</summary>
    public IReadOnlyList<string> Output
    {
        get
        {
            lock (_output)
            {
                return [.. _output];
            }
        }
    }

    /// <summary>Starts the gateway with a config file and waits for its ready line.</summary>
    public static GatewayProcess Start(string configPath, TimeSpan timeout)
    {
        var dll = typeof(GatewayHost).Assembly.Location;
        var dir = Path.GetDirectoryName(dll)!;
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = dir,
        };
        psi.ArgumentList.Add("exec");
        var ownConfig = Path.Combine(dir, "Edge.Gateway.runtimeconfig.json");
        if (!File.Exists(ownConfig))
        {
            // Copied as a dependency of this program: run it on this program's runtime and dependency list.
            var runtimeConfig = FindRuntimeConfig(dir);
            psi.ArgumentList.Add("--runtimeconfig");
            psi.ArgumentList.Add(runtimeConfig);
            psi.ArgumentList.Add("--depsfile");
            psi.ArgumentList.Add(runtimeConfig.Replace(".runtimeconfig.json", ".deps.json", StringComparison.Ordinal));
        }

        psi.ArgumentList.Add(dll);
        psi.ArgumentList.Add("--config");
        psi.ArgumentList.Add(configPath);
        var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start the gateway");
        var gateway = new GatewayProcess(process);
        using var ready = new ManualResetEventSlim();
        void OnLine(object? sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }

            lock (gateway._output)
            {
                gateway._output.Add(e.Data);
            }

            if (e.Data.StartsWith("gateway ready", StringComparison.Ordinal))
            {
                ready.Set();
            }
        }

        process.OutputDataReceived += OnLine;
        process.ErrorDataReceived += OnLine;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!ready.Wait(timeout))
        {
            gateway.Kill();
            throw new InvalidOperationException("gateway did not get ready:\n" + string.Join('\n', gateway.Output));
        }

        return gateway;
    }

    /// <summary>Cuts the power: SIGKILL, no shutdown of any kind.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    // The runtimeconfig of the program that carries the gateway DLL (the test host or hw-sim).
    private static string FindRuntimeConfig(string dir)
    {
        var candidates = Directory.GetFiles(dir, "*.runtimeconfig.json");
        return candidates.FirstOrDefault(c => c.Contains("Edge.HwSim", StringComparison.Ordinal))
            ?? candidates.FirstOrDefault()
            ?? throw new InvalidOperationException("no runtimeconfig.json beside " + dir);
    }
}
