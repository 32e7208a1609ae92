using System.Net;
using System.Net.Http.Headers;
using Edge.Uplink.Control;
using Microsoft.Extensions.Logging;

namespace Edge.HwSim.Iridium;

/// <summary>
/// Remote configuration through the satellite path (CONTROL.md): the cloud hands a desired document to the endpoint,
/// which queues it as one MT message (0xC1 + compact JSON, at most 270 bytes; the modem rings); MO reports (0xC2 +
/// JSON) from the gateway are relayed to the ingest as <c>PUT /v1/gateways/{id}/reported?via=satellite</c> with the
/// gateway's key, exactly as the gateway would send them over IP.
/// </summary>
public sealed partial class VirtualSbdEndpoint
{
    private readonly List<string> _reports = [];

    /// <summary>Reports relayed to the ingest (answered 2xx), as JSON.</summary>
    public IReadOnlyList<string> ReportsRelayed
    {
        get
        {
            lock (_reports)
            {
                return [.. _reports];
            }
        }
    }

    /// <summary>MT control messages queued at the modem.</summary>
    public int DesiredQueued { get; private set; }

    /// <summary>Queues <paramref name="config"/> for the gateway as an MT message; throws <see cref="ArgumentException"/> when it does not fit in 270 bytes.</summary>
    public void QueueDesired(DesiredConfig config)
    {
        _modem.QueueMt(ControlMessage.Desired(config));
        DesiredQueued++;
    }

    /// <summary>
    /// Reads the desired document of <paramref name="gatewayId"/> from the ingest (with a key allowed to, e.g. the
    /// disaster role's) and queues it as an MT message. Returns the version queued, or null when the ingest has none.
    /// </summary>
    public async Task<long?> ForwardDesiredAsync(string gatewayId, string apiKey, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_ingestBase + $"/v1/gateways/{Uri.EscapeDataString(gatewayId)}/desired"));
        request.Headers.Add("X-Api-Key", apiKey);
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var config = DesiredConfigJson.Parse(body, out var errors)
            ?? throw new InvalidOperationException($"the ingest's desired document is invalid: {string.Join("; ", errors)}");
        QueueDesired(config);
        return config.Version;
    }

    /// <summary>Relays an MO report; true when the message was one (relayed or not).</summary>
    private async Task<bool> RelayReportAsync(byte[] payload, CancellationToken cancellationToken)
    {
        if (!ControlMessage.TryUnwrap(payload, ControlMessage.ReportedMarker, out var json))
        {
            return false;
        }

        var report = ReportedStateJson.Parse(json, out var errors);
        if (report is null)
        {
            LogBadReport(_logger, string.Join("; ", errors));
            return true;
        }

        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(_ingestBase + $"/v1/gateways/{Uri.EscapeDataString(report.GatewayId)}/reported?via=satellite"))
        {
            Content = new ByteArrayContent(json),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add("X-Api-Key", _apiKey);
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                lock (_reports)
                {
                    _reports.Add(System.Text.Encoding.UTF8.GetString(json));
                }
            }
            else
            {
                LogReportRefused(_logger, report.GatewayId, (int)response.StatusCode);
            }
        }
        catch (HttpRequestException ex)
        {
            // A report is sent again at the gateway's next change; the state it carries is the gateway's latest.
            LogReportRefused(_logger, report.GatewayId, 0);
            LogBadReport(_logger, ex.Message);
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "MO report not readable: {Error}")]
    private static partial void LogBadReport(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ingest did not take the report of gateway {Gateway} ({Status})")]
    private static partial void LogReportRefused(ILogger logger, string gateway, int status);
}
