using System.Net;
using System.Net.Sockets;

namespace Edge.Gateway.Tests.Support;

/// <summary>
/// A TCP relay on loopback in front of a server: counts every byte it passes in each direction (an independent
/// count of what a client put on the wire) and can be cut, which resets open connections and refuses new ones —
/// a 5G link going down.
/// </summary>
internal sealed class TcpRelay : IAsyncDisposable
{
    private readonly IPEndPoint _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _open = [];
    private readonly Task _accepting;
    private readonly TcpListener _listener;
    private long _up;
    private long _down;
    private volatile bool _cut;

    public TcpRelay(Uri target)
    {
        _target = new IPEndPoint(IPAddress.Parse(target.Host), target.Port);
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    /// <summary>Bytes from clients to the server.</summary>
    public long BytesUp => Interlocked.Read(ref _up);

    /// <summary>Bytes from the server to clients.</summary>
    public long BytesDown => Interlocked.Read(ref _down);

    /// <summary>Connections accepted while not cut.</summary>
    public int Connections { get; private set; }

    /// <summary>Address the last client connected from.</summary>
    public IPAddress? LastClient { get; private set; }

    /// <summary>Cuts (resets every connection, refuses new ones) or restores the relay.</summary>
    public void SetCut(bool cut)
    {
        _cut = cut;
        if (cut)
        {
            lock (_open)
            {
                foreach (var client in _open)
                {
                    client.Client.LingerState = new LingerOption(true, 0);
                    client.Dispose();
                }

                _open.Clear();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        SetCut(true);
        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            if (_cut)
            {
                client.Client.LingerState = new LingerOption(true, 0);
                client.Dispose();
                continue;
            }

            Connections++;
            LastClient = ((IPEndPoint)client.Client.RemoteEndPoint!).Address;
            _ = Task.Run(() => RelayAsync(client));
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using var server = new TcpClient();
        lock (_open)
        {
            _open.Add(client);
            _open.Add(server);
        }

        try
        {
            await server.ConnectAsync(_target, _stop.Token);
            var up = PumpAsync(client.GetStream(), server.GetStream(), n => Interlocked.Add(ref _up, n));
            var down = PumpAsync(server.GetStream(), client.GetStream(), n => Interlocked.Add(ref _down, n));
            await Task.WhenAny(up, down);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
        }
        finally
        {
            lock (_open)
            {
                _open.Remove(client);
                _open.Remove(server);
            }

            client.Dispose();
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to, Action<int> count)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int n;
            while ((n = await from.ReadAsync(buffer, _stop.Token)) > 0)
            {
                // Counted before they are passed on, so the peer never holds bytes the count does not include yet (a
                // test reading the count right after its request returned raced the count; seen in CI).
                count(n);
                await to.WriteAsync(buffer.AsMemory(0, n), _stop.Token);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }
}
