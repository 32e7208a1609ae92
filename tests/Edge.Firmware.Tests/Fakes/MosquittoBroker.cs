using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Edge.Firmware.Tests.Fakes;

/// <summary>A real Mosquitto broker on a free loopback port, for interoperability tests.</summary>
public sealed class MosquittoBroker : IDisposable
{
    private readonly Process _process;
    private readonly string _dir;
    private readonly List<string> _log = [];

    private MosquittoBroker(Process process, string dir, int port)
    {
        _process = process;
        _dir = dir;
        Port = port;
    }

    public int Port { get; }

    public static MosquittoBroker Start()
    {
        var exe = File.Exists("/usr/sbin/mosquitto") ? "/usr/sbin/mosquitto" : "mosquitto";
        var port = FreePort();
        var dir = Directory.CreateTempSubdirectory("edge-mosq-").FullName;
        var conf = Path.Combine(dir, "mosquitto.conf");
        File.WriteAllText(conf, $"listener {port} 127.0.0.1\nallow_anonymous true\npersistence false\nlog_dest stderr\nlog_type all\n");
        var psi = new ProcessStartInfo(exe, ["-c", conf]) { RedirectStandardError = true, RedirectStandardOutput = true };
        var process = Process.Start(psi) ?? throw new InvalidOperationException("mosquitto did not start (is the Debian package installed? .ci/run installs it)");
        var broker = new MosquittoBroker(process, dir, port);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (broker._log)
                {
                    broker._log.Add(e.Data);
                }
            }
        };
        process.BeginErrorReadLine();
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, port);
                return broker;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }

        broker.Dispose();
        throw new InvalidOperationException("mosquitto did not listen on port " + port);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits until the broker's log has a line containing <paramref name="text"/>.</summary>
    public bool WaitForLog(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            lock (_log)
            {
                if (_log.Exists(l => l.Contains(text, StringComparison.Ordinal)))
                {
                    return true;
                }
            }

            Thread.Sleep(20);
        }

        return false;
    }

    public void Dispose()
    {
        try
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
        Directory.Delete(_dir, true);
    }
}
