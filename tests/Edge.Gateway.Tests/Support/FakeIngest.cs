using System.Net;
using Edge.Uplink;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Edge.Gateway.Tests.Support;

/// <summary>
/// A small real ingest on Kestrel (loopback, port chosen by the OS): records every POST to /v1/batches,
/// decodes it with <see cref="BatchCodec"/>, and answers with the status the test's responder returns
/// (200 with an acknowledgement, anything else with RFC 9457 problem details).
/// </summary>
internal sealed class FakeIngest : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<ReceivedBatch> _received = [];

    private FakeIngest(WebApplication app) => _app = app;

    /// <summary>Decides the status of the n-th request (0-based); may wait, to hold a request open.</summary>
    public Func<int, Task<int>> Responder { get; set; } = _ => Task.FromResult(200);

    public string Url { get; private set; } = "";

    public IReadOnlyList<ReceivedBatch> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    public static async Task<FakeIngest> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var ingest = new FakeIngest(app);
        app.MapPost("/v1/batches", ingest.HandleAsync);
        app.MapGet("/healthz", () => Results.Text("Healthy"));
        await app.StartAsync();
        ingest.Url = app.Urls.Single();
        return ingest;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        Batch? batch = null;
        string? error = null;
        try
        {
            batch = BatchCodec.Decode(body);
        }
        catch (Exception ex)
        {
            error = ex.GetType().Name + ": " + ex.Message;
        }

        int index;
        var received = new ReceivedBatch(body, batch, error, context.Request.Headers["X-Api-Key"].ToString(), context.Request.ContentType);
        lock (_received)
        {
            index = _received.Count;
            _received.Add(received);
        }

        var status = await Responder(index);
        received.Status = status;
        context.Response.StatusCode = status;
        if (status == 200)
        {
            await context.Response.WriteAsJsonAsync(new { batchId = $"{batch?.GatewayId}:{batch?.Sequence}", duplicate = false, stored = 0, duplicates = 0 });
        }
        else
        {
            context.Response.ContentType = "application/problem+json";
            await context.Response.WriteAsync($$"""{"type":"about:blank","title":"scripted failure","status":{{status}},"detail":"the test asked for {{status}}"}""");
        }
    }

    /// <summary>One request as the ingest saw it.</summary>
    public sealed record ReceivedBatch(byte[] Body, Batch? Batch, string? DecodeError, string ApiKey, string? ContentType)
    {
        /// <summary>Status the fake answered with (0 while the request is held open).</summary>
        public int Status { get; set; }
    }
}
