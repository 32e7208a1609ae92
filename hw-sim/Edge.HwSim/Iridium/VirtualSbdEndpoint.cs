using System.Net;
using System.Threading.Channels;
using Edge.Gateway.Links.Iridium;
using Edge.Uplink;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Edge.HwSim.Demo;

namespace Edge.HwSim.Iridium;

/// <summary>
/// The cloud side of the satellite path, as the Iridium gateway's DirectIP delivery would feed it: takes the MO
/// messages a <see cref="Virtual9603"/> transmits, reassembles batches (<see cref="SbdReassembler"/>), POSTs each
/// whole batch to the ingest exactly as the HTTP uplink does (<c>POST /v1/batches</c>,
/// <c>application/vnd.edge.batch.v1</c>, <c>X-Api-Key</c>), and only after the ingest answered queues the MT
/// acknowledgement (<see cref="SbdAck"/>) for the modem. It acknowledges nothing on its own; the ingest's
/// deduplication makes batches that arrive twice harmless.
/// </summary>
public sealed partial class VirtualSbdEndpoint : IAsyncDisposable
{
    private readonly Virtual9603 _modem;
    private readonly HttpClient _http;
    private readonly Uri _batches;
    private readonly string _ingestBase;
    private readonly string _apiKey;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<SbdMoMessage> _inbox = Channel.CreateUnbounded<SbdMoMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly List<long> _posted = [];
    private readonly Task _worker;

    /// <summary>Attaches to <paramref name="modem"/> and starts delivering to the ingest at <paramref name="ingestUrl"/>.</summary>
    public VirtualSbdEndpoint(Virtual9603 modem, string ingestUrl, string apiKey, TimeProvider time, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(modem);
        ArgumentNullException.ThrowIfNull(ingestUrl);
        _modem = modem;
        _apiKey = apiKey;
        _time = time;
        _logger = logger ?? NullLogger.Instance;
        _ingestBase = ingestUrl.TrimEnd('/');
        _batches = new Uri(_ingestBase + "/v1/batches");
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        Reassembler = new SbdReassembler(new SbdReassemblerOptions(), time);
        _modem.MoReceived += OnMo;
        _worker = Task.Run(RunAsync);
    }

    /// <summary>The reassembler (its counters tell duplicates, abandoned partials, completed transfers).</summary>
    public SbdReassembler Reassembler { get; }

    /// <summary>Longest the endpoint keeps retrying a POST that failed transiently.</summary>
    public TimeSpan RetryFor { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Batch sequences the ingest answered 200 for, in the order they were posted (duplicates included).</summary>
    public IReadOnlyList<long> Posted
    {
        get
        {
            lock (_posted)
            {
                return [.. _posted];
            }
        }
    }

    /// <summary>MO messages received from the modem.</summary>
    public int MessagesReceived { get; private set; }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _modem.MoReceived -= OnMo;
        _inbox.Writer.TryComplete();
        await _stop.CancelAsync();
        try
        {
            await _worker;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
        _http.Dispose();
    }

    private void OnMo(object? sender, SbdMoMessage message) => _inbox.Writer.TryWrite(message);

    private async Task RunAsync()
    {
        await foreach (var message in _inbox.Reader.ReadAllAsync(_stop.Token))
        {
            MessagesReceived++;
            if (await RelayReportAsync(message.Payload, _stop.Token))
            {
                continue;
            }

            var result = Reassembler.Accept(message.Imei, message.Payload);
            if (result.Status == SbdReassemblyStatus.Complete)
            {
                await DeliverAsync(result.Body!, _stop.Token);
            }
        }
    }

    private async Task DeliverAsync(byte[] body, CancellationToken cancellationToken)
    {
        long sequence;
        try
        {
            sequence = BatchCodec.ReadHeader(body).Sequence;
        }
        catch (BatchFormatException ex)
        {
            // Without a sequence there is nothing to acknowledge; the gateway sends the batch again.
            LogUnreadable(_logger, ex, body.Length);
            return;
        }

        var giveUpAt = _time.GetUtcNow() + RetryFor;
        for (var wait = TimeSpan.FromSeconds(5); ; wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, TimeSpan.FromMinutes(5).Ticks)))
        {
            var status = await PostAsync(body, cancellationToken);
            if (status == HttpStatusCode.OK)
            {
                lock (_posted)
                {
                    _posted.Add(sequence);
                }

                _modem.QueueMt(new SbdAck(sequence, SbdAckStatus.Stored).ToMessage());
                return;
            }

            var transient = status is null || (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
            if (!transient)
            {
                LogRefused(_logger, sequence, (int)status!.Value);
                _modem.QueueMt(new SbdAck(sequence, SbdAckStatus.Refused).ToMessage());
                return;
            }

            if (_time.GetUtcNow() + wait > giveUpAt)
            {
                LogGaveUp(_logger, sequence);
                return;
            }

            await Task.Delay(wait, _time, cancellationToken);
        }
    }

    private Task<HttpStatusCode?> PostAsync(byte[] body, CancellationToken cancellationToken) =>
        IngestBatchPost.SendAsync(_http, _batches, _apiKey, body, cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "reassembled {Bytes} bytes are not a batch; dropped")]
    private static partial void LogUnreadable(ILogger logger, Exception error, int bytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ingest refused batch {Sequence} ({Status}); refusal sent to the modem")]
    private static partial void LogRefused(ILogger logger, long sequence, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ingest did not take batch {Sequence}; giving up, the gateway will send it again")]
    private static partial void LogGaveUp(ILogger logger, long sequence);
}
