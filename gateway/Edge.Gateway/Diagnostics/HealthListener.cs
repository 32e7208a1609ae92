using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Edge.Gateway.Hosting;
using Microsoft.Extensions.Options;

namespace Edge.Gateway.Diagnostics;

/// <summary>
/// A deliberately small HTTP/1.1 server for <c>GET /health</c> and <c>GET /metrics</c> (also <c>HEAD</c>): the
/// gateway has no web stack (MQTTnet's broker is its only server), and two read-only endpoints do not justify
/// Kestrel and the ASP.NET Core runtime on a Pi. One request per connection (<c>Connection: close</c>), at most
/// <see cref="MaxConnections"/> at once, headers up to <see cref="MaxRequestBytes"/>, 10 s per request.
/// A port that cannot be bound is logged and the gateway runs on without the listener: storing readings matters
/// more than being watched.
/// </summary>
internal sealed partial class HealthListener(
    IOptions<GatewayOptions> options,
    HealthReport health,
    MetricsReport metrics,
    ILogger<HealthListener> logger) : IHostedService, IDisposable
{
    /// <summary>Connections served at once; more are closed at once.</summary>
    public const int MaxConnections = 8;

    /// <summary>Largest request head (request line and headers) read.</summary>
    public const int MaxRequestBytes = 8192;

    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<Task, byte> _serving = new();
    private Socket? _socket;
    private Task _accepting = Task.CompletedTask;
    private int _open;

    /// <summary>Where it listens; null when disabled or the port could not be bound.</summary>
    public IPEndPoint? Endpoint { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value.Health;
        if (!settings.Enabled)
        {
            return Task.CompletedTask;
        }

        var address = IPAddress.Parse(settings.BindAddress);
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(address, settings.Port));
            socket.Listen(16);
        }
        catch (SocketException ex)
        {
            socket.Dispose();
            LogBindFailed(logger, ex, settings.BindAddress, settings.Port);
            return Task.CompletedTask;
        }

        _socket = socket;
        Endpoint = (IPEndPoint)socket.LocalEndPoint!;
        // Like the broker's ready line: a test or a supervisor that asked for port 0 learns the port here.
        Console.Out.WriteLine($"gateway health http={Endpoint}");
        LogListening(logger, Endpoint);
        _accepting = AcceptLoopAsync(socket, _stop.Token);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _socket?.Dispose();
        await _accepting.ConfigureAwait(false);
        await Task.WhenAll(_serving.Keys).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _socket?.Dispose();
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync(Socket listener, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(stop).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException ex)
            {
                if (stop.IsCancellationRequested)
                {
                    return;
                }

                LogAcceptFailed(logger, ex);
                await Task.Delay(100, CancellationToken.None).ConfigureAwait(false);
                continue;
            }

            if (Interlocked.Increment(ref _open) > MaxConnections)
            {
                Interlocked.Decrement(ref _open);
                client.Dispose();
                continue;
            }

            var serving = ServeAsync(client, stop);
            _serving.TryAdd(serving, 0);
            _ = serving.ContinueWith(t => _serving.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private async Task ServeAsync(Socket client, CancellationToken stop)
    {
        try
        {
            using (client)
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop))
            {
                timeout.CancelAfter(RequestTimeout);
                var stream = new NetworkStream(client, ownsSocket: false);
                await using (stream.ConfigureAwait(false))
                {
                    var head = await ReadHeadAsync(stream, timeout.Token).ConfigureAwait(false);
                    var response = head is null
                        ? Response(431, "Request Header Fields Too Large", "text/plain; charset=utf-8", "request head too large\n"u8.ToArray(), false)
                        : await RespondAsync(head, timeout.Token).ConfigureAwait(false);
                    await stream.WriteAsync(response, timeout.Token).ConfigureAwait(false);
                    client.Shutdown(SocketShutdown.Both);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // A client that went away or was too slow: nothing to answer.
        }
        finally
        {
            Interlocked.Decrement(ref _open);
        }
    }

    /// <summary>The request line and headers, or null when they exceed <see cref="MaxRequestBytes"/>.</summary>
    private static async Task<string?> ReadHeadAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxRequestBytes];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            var searchFrom = Math.Max(0, length - 3);
            length += read;
            var span = buffer.AsSpan(searchFrom, length - searchFrom);
            if (span.IndexOf("\r\n\r\n"u8) >= 0 || span.IndexOf("\n\n"u8) >= 0)
            {
                return Encoding.ASCII.GetString(buffer, 0, length);
            }
        }

        return length < buffer.Length ? Encoding.ASCII.GetString(buffer, 0, length) : null;
    }

    private async Task<byte[]> RespondAsync(string head, CancellationToken cancellationToken)
    {
        var end = head.IndexOf('\n', StringComparison.Ordinal);
        var requestLine = (end >= 0 ? head[..end] : head).TrimEnd('\r');
        var parts = requestLine.Split(' ');
        if (parts.Length != 3 || !parts[2].StartsWith("HTTP/1.", StringComparison.Ordinal))
        {
            return Response(400, "Bad Request", "text/plain; charset=utf-8", "bad request line\n"u8.ToArray(), false);
        }

        var (method, target) = (parts[0], parts[1]);
        var path = target.Split('?', 2)[0];
        var headOnly = method == "HEAD";
        if (method != "GET" && !headOnly)
        {
            return Response(405, "Method Not Allowed", "text/plain; charset=utf-8", "GET or HEAD\n"u8.ToArray(), false, "Allow: GET, HEAD\r\n");
        }

        switch (path)
        {
            case "/health":
                var (status, body) = health.Render();
                return Response(status, status == 200 ? "OK" : "Service Unavailable", "application/json", body, headOnly);
            case "/metrics":
                var text = await metrics.RenderAsync(cancellationToken).ConfigureAwait(false);
                return Response(200, "OK", PrometheusWriter.ContentType, Encoding.UTF8.GetBytes(text), headOnly);
            default:
                return Response(404, "Not Found", "text/plain; charset=utf-8", "try /health or /metrics\n"u8.ToArray(), headOnly);
        }
    }

    private static byte[] Response(int status, string reason, string contentType, byte[] body, bool headOnly, string extraHeaders = "")
    {
        var header = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"HTTP/1.1 {status} {reason}\r\nContent-Type: {contentType}\r\nContent-Length: {body.Length}\r\nCache-Control: no-store\r\nConnection: close\r\n{extraHeaders}\r\n"));
        return headOnly ? header : [.. header, .. body];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "health and metrics on http://{Endpoint}/health and /metrics")]
    private static partial void LogListening(ILogger logger, IPEndPoint endpoint);

    [LoggerMessage(Level = LogLevel.Error, Message = "health listener could not bind {Address}:{Port}; the gateway runs without /health and /metrics")]
    private static partial void LogBindFailed(ILogger logger, Exception error, string address, int port);

    [LoggerMessage(Level = LogLevel.Warning, Message = "health listener: accept failed")]
    private static partial void LogAcceptFailed(ILogger logger, Exception error);
}
