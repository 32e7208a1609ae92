using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Edge.Gateway.Store;
using Edge.Gateway.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Edge.Gateway.Tests.Diagnostics;

/// <summary>
/// The gateway as systemd runs a <c>Type=notify</c> service with <c>WatchdogSec=</c>: a child process whose
/// <c>NOTIFY_SOCKET</c> is a real Unix datagram socket of the test, with <c>WATCHDOG_USEC</c> and <c>WATCHDOG_PID</c>
/// set as systemd sets them.
/// </summary>
public sealed class SystemdNotifyTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task NotifySocket_Watchdog_ReadyThenPingsOnlyWhileTheStoreTakesWrites()
    {
        using var systemd = new NotifyListener(_dir.File("notify.sock"));
        var settings = GatewayConfig.Defaults(_dir.File("data"));
        settings["Edge:Gateway:Health:ProbeTimeout"] = "00:00:01";
        var environment = new Dictionary<string, string>
        {
            ["NOTIFY_SOCKET"] = systemd.Path,
            ["WATCHDOG_USEC"] = "1000000", // WatchdogSec=1s: a check and a ping every 0.5 s
        };

        await using var gateway = await GatewayProcess.StartAsync(GatewayConfig.Args(settings), environment);
        await systemd.WaitForAsync(m => m == "READY=1", TimeSpan.FromSeconds(30));
        await systemd.WaitForCountAsync("WATCHDOG=1", 3, TimeSpan.FromSeconds(10));
        Assert.Contains("STATUS=store takes writes", systemd.Messages);

        // The store stops taking writes (another writer holds its lock): the pings stop, systemd would restart us.
        var dbPath = Path.Combine(_dir.Path, "data", GatewayDatabase.FileName);
        await using (var other = new SqliteConnection($"Data Source={dbPath};Pooling=False"))
        {
            await other.OpenAsync();
            using var tx = other.BeginTransaction(deferred: false);
            await systemd.WaitForAsync(m => m.StartsWith("STATUS=store does not take writes", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
            var pings = systemd.Count("WATCHDOG=1");
            await Task.Delay(2500); // 2.5 watchdog timeouts
            Assert.Equal(pings, systemd.Count("WATCHDOG=1"));
            tx.Rollback();
        }

        var mark = systemd.Messages.Count;
        var before = systemd.Count("WATCHDOG=1");
        await systemd.WaitForAsync(m => m == "STATUS=store takes writes", TimeSpan.FromSeconds(15), after: mark);
        await systemd.WaitForCountAsync("WATCHDOG=1", before + 2, TimeSpan.FromSeconds(10));

        var exit = await gateway.TerminateAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, exit);
        await systemd.WaitForAsync(m => m == "STOPPING=1", TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task NotifySocket_WatchdogPidOfAnotherProcess_ReadyButNoPings()
    {
        using var systemd = new NotifyListener(_dir.File("notify.sock"));
        var settings = GatewayConfig.Defaults(_dir.File("data"));
        var environment = new Dictionary<string, string>
        {
            ["NOTIFY_SOCKET"] = systemd.Path,
            ["WATCHDOG_USEC"] = "1000000",
            ["WATCHDOG_PID"] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), // meant for the test host, not the gateway
        };

        await using var gateway = await GatewayProcess.StartAsync(GatewayConfig.Args(settings), environment);
        await systemd.WaitForAsync(m => m == "READY=1", TimeSpan.FromSeconds(30));
        await Task.Delay(1500);

        Assert.Equal(0, systemd.Count("WATCHDOG=1"));
    }

    [Theory]
    [InlineData("60000000", null, 4242, 60.0)]
    [InlineData("1500000", "4242", 4242, 1.5)]
    [InlineData("1500000", "4243", 4242, null)]
    [InlineData("0", null, 4242, null)]
    [InlineData("x", null, 4242, null)]
    [InlineData(null, null, 4242, null)]
    public void ReadInterval_AsSdWatchdogEnabled(string? usec, string? pid, int self, double? seconds)
    {
        var interval = Edge.Gateway.Diagnostics.SystemdWatchdog.ReadInterval(usec, pid, self);

        Assert.Equal(seconds, interval?.TotalSeconds);
    }

    /// <summary>The service manager's end of <c>NOTIFY_SOCKET</c>: a bound Unix datagram socket that records messages.</summary>
    private sealed class NotifyListener : IDisposable
    {
        private readonly Socket _socket = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        private readonly List<string> _messages = [];
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _receiving;

        public NotifyListener(string path)
        {
            Path = path;
            _socket.Bind(new UnixDomainSocketEndPoint(path));
            _receiving = Task.Run(ReceiveAsync);
        }

        public string Path { get; }

        public IReadOnlyList<string> Messages
        {
            get
            {
                lock (_messages)
                {
                    return [.. _messages];
                }
            }
        }

        public int Count(string message) => Messages.Count(m => m == message);

        public async Task WaitForAsync(Func<string, bool> match, TimeSpan timeout, int after = 0)
        {
            var clock = Stopwatch.StartNew();
            while (!Messages.Skip(after).Any(match))
            {
                Assert.True(clock.Elapsed < timeout, $"no such notification within {timeout}; got: {string.Join(" | ", Messages)}");
                await Task.Delay(20);
            }
        }

        public async Task WaitForCountAsync(string message, int count, TimeSpan timeout)
        {
            var clock = Stopwatch.StartNew();
            while (Count(message) < count)
            {
                Assert.True(clock.Elapsed < timeout, $"fewer than {count} × {message} within {timeout}; got: {string.Join(" | ", Messages)}");
                await Task.Delay(20);
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _socket.Dispose();
            try
            {
                _receiving.Wait(TimeSpan.FromSeconds(5));
            }
            catch (AggregateException)
            {
            }

            _stop.Dispose();
        }

        private async Task ReceiveAsync()
        {
            var buffer = new byte[4096];
            while (!_stop.IsCancellationRequested)
            {
                int read;
                try
                {
                    read = await _socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                }
                catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
                {
                    return;
                }

                // One datagram may carry several newline-separated assignments (sd_notify(3)).
                foreach (var line in Encoding.UTF8.GetString(buffer, 0, read).Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    lock (_messages)
                    {
                        _messages.Add(line);
                    }
                }
            }
        }
    }
}
