using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Edge.Gateway.Tests.Links.AzureIotHub;

/// <summary>
/// A real Mosquitto laid out like IoT Hub's MQTT endpoint: no anonymous clients, users and passwords from a
/// password file (mosquitto_passwd), and an ACL that lets a device (client id = device id) publish only to
/// <c>devices/{id}/messages/events/#</c> and read only <c>devices/{id}/messages/devicebound/#</c>. User
/// <c>observer</c> reads every device's events (the cloud side), user <c>cloud</c> sends cloud-to-device messages.
/// Optional TLS listener. Can be stopped and started again on the same port, and reloaded (SIGHUP).
/// </summary>
internal sealed class IotHubMosquitto : IDisposable
{
    public const string ObserverPassword = "observer-secret";
    public const string CloudPassword = "cloud-secret";

    private readonly string _dir;
    private readonly List<string> _log = [];
    private readonly (string Cert, string Key)? _tls;
    private bool _checkPasswords = true;
    private Process? _process;

    private IotHubMosquitto(string dir, int port, (string Cert, string Key)? tls)
    {
        _dir = dir;
        Port = port;
        _tls = tls;
    }

    public int Port { get; }

    /// <summary>Starts a broker whose password file lets <paramref name="user"/> in with <paramref name="password"/>.</summary>
    public static async Task<IotHubMosquitto> StartAsync(string dir, string user, string password, (string Cert, string Key)? tls = null)
    {
        var broker = new IotHubMosquitto(dir, FreePort(), tls);
        await broker.SetPasswordsAsync(user, password);
        await broker.WriteAclAsync();
        await broker.StartAsync();
        return broker;
    }

    private Task WriteAclAsync() => File.WriteAllTextAsync(Path.Combine(_dir, "acl"),
        "pattern write devices/%c/messages/events/#\n" +
        "pattern read devices/%c/messages/devicebound/#\n" +
        "user observer\ntopic read devices/+/messages/events/#\n" +
        "user cloud\ntopic write devices/+/messages/devicebound/#\n");

    /// <summary>
    /// A broker that takes any password (no password file; the ACL still applies by user name and client id), for
    /// tests of the gateway host, whose token expiry follows the wall clock.
    /// </summary>
    public static async Task<IotHubMosquitto> StartWithoutPasswordsAsync(string dir)
    {
        var broker = new IotHubMosquitto(dir, FreePort(), null) { _checkPasswords = false };
        await broker.WriteAclAsync();
        await broker.StartAsync();
        return broker;
    }

    /// <summary>Writes a new password file: the device user plus observer and cloud.</summary>
    public async Task SetPasswordsAsync(string user, string password)
    {
        var file = Path.Combine(_dir, "passwd");
        File.Delete(file);
        await RunAsync("/usr/bin/mosquitto_passwd", "-b", "-c", file, user, password);
        await RunAsync("/usr/bin/mosquitto_passwd", "-b", file, "observer", ObserverPassword);
        await RunAsync("/usr/bin/mosquitto_passwd", "-b", file, "cloud", CloudPassword);
    }

    public async Task StartAsync()
    {
        var conf = Path.Combine(_dir, "mosquitto.conf");
        var security = _checkPasswords ? $"allow_anonymous false\npassword_file {Path.Combine(_dir, "passwd")}\n" : "allow_anonymous true\n";
        var text = $"per_listener_settings false\n{security}acl_file {Path.Combine(_dir, "acl")}\n" +
            $"persistence false\nlog_dest stderr\nlog_type all\nlistener {Port} 127.0.0.1\n";
        if (_tls is { } tls)
        {
            text += $"certfile {tls.Cert}\nkeyfile {tls.Key}\n";
        }

        await File.WriteAllTextAsync(conf, text);
        var exe = File.Exists("/usr/sbin/mosquitto") ? "/usr/sbin/mosquitto" : "mosquitto";
        var process = Process.Start(new ProcessStartInfo(exe, ["-c", conf]) { RedirectStandardError = true, RedirectStandardOutput = true })
            ?? throw new InvalidOperationException("mosquitto did not start (.ci/run installs it)");
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_log)
                {
                    _log.Add(e.Data);
                }
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        _process = process;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new InvalidOperationException($"mosquitto did not listen on {Port}: {string.Join('\n', Log)}");
    }

    public void Stop()
    {
        if (_process is { } process)
        {
            process.Kill();
            process.WaitForExit(5000);
            process.Dispose();
            _process = null;
        }
    }

    /// <summary>SIGHUP: Mosquitto reads its password and ACL files again.</summary>
    public Task ReloadAsync() => RunAsync("/bin/kill", "-HUP", _process!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public IReadOnlyList<string> Log
    {
        get
        {
            lock (_log)
            {
                return [.. _log];
            }
        }
    }

    public int CountLog(string text) => Log.Count(l => l.Contains(text, StringComparison.Ordinal));

    public void Dispose() => Stop();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string exe, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(exe, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{exe} {string.Join(' ', args)} failed: {await stderr}");
        }
    }
}
