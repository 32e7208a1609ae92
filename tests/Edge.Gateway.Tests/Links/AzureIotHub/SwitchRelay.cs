using System.Net;
using System.Net.Sockets;

namespace Edge.Gateway.Tests.Links.AzureIotHub;

/// <summary>
/// A loopback TCP relay whose target port can be switched: open connections stay with the broker they reached, new
/// ones go to the current target. Counts every byte it passes (an independent count of the link's wire bytes).
/// </summary>
internal sealed class SwitchRelay : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private long _bytes;
    private volatile int _target;

    public SwitchRelay(int targetPort)
    {
        _target = targetPort;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    /// <summary>Bytes passed in both directions.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>Port new connections are relayed to.</summary>
    public int TargetPort { get => _target; set => _target = value; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
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
            var server = new TcpClient();
            try
            {
                await server.ConnectAsync(IPAddress.Loopback, _target, _stop.Token);
            }
            catch (SocketException)
            {
                client.Dispose();
                server.Dispose();
                continue;
            }

            _ = PipeAsync(client, server);
        }
    }

    private async Task PipeAsync(TcpClient client, TcpClient server)
    {
        using (client)
        using (server)
        {
            var a = CopyAsync(client.GetStream(), server.GetStream());
            var b = CopyAsync(server.GetStream(), client.GetStream());
            await Task.WhenAny(a, b);
        }
    }

    private async Task CopyAsync(NetworkStream from, NetworkStream to)
    {
        var buffer = new byte[16384];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, _stop.Token)) > 0)
            {
                await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
                Interlocked.Add(ref _bytes, read);
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
    }
}
