using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Edge.Gateway.Hosting;
using Edge.Uplink;
using Microsoft.Extensions.Options;

namespace Edge.Gateway.Uplink;

/// <summary>
/// POSTs encoded batches to <c>{Ingest:Url}/v1/batches</c> with the gateway's API key and classifies the
/// answer. Network errors and timeouts are translated here into <see cref="IngestOutcome.Transient"/>.
/// </summary>
internal sealed class IngestClient : IDisposable
{
    private const int MaxDetailChars = 2000;

    private readonly HttpClient _http;
    private readonly Uri? _endpoint;
    private readonly string _apiKey;

    public IngestClient(IOptions<GatewayOptions> options)
        : this(options.Value.Ingest.Url, options.Value.Ingest.ApiKey, options.Value.Uplink.RequestTimeout,
            new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
    }

    /// <summary>A client over <paramref name="handler"/> (an IP link's interface-bound, byte-counting handler).</summary>
    public IngestClient(string url, string apiKey, TimeSpan timeout, HttpMessageHandler handler)
    {
        _apiKey = apiKey;
        if (!string.IsNullOrWhiteSpace(url))
        {
            BaseUrl = url.TrimEnd('/');
            _endpoint = new Uri(BaseUrl + "/v1/batches");
        }

        _http = new HttpClient(handler) { Timeout = timeout };
    }

    /// <summary>The ingest's base address without a trailing slash, or null.</summary>
    public string? BaseUrl { get; }

    /// <summary>False when no ingest is configured: the gateway then only stores.</summary>
    public bool IsConfigured => _endpoint is not null;

    public async Task<IngestResult> PostAsync(byte[] body, CancellationToken cancellationToken)
    {
        var endpoint = _endpoint ?? throw new InvalidOperationException("no ingest URL is configured");
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(BatchCodec.ContentType);
        request.Headers.Add("X-Api-Key", _apiKey);
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return new IngestResult(IngestOutcome.Acknowledged, status, Describe(text));
            }

            var retryAfter = response.Headers.RetryAfter?.Delta;
            var transient = status >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
            return new IngestResult(transient ? IngestOutcome.Transient : IngestOutcome.Refused, status, $"{status} {response.ReasonPhrase}: {Describe(text)}", retryAfter);
        }
        catch (HttpRequestException ex)
        {
            return new IngestResult(IngestOutcome.Transient, null, $"network error: {ex.Message}");
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return new IngestResult(IngestOutcome.Transient, null, $"no answer within {_http.Timeout}: {ex.Message}");
        }
    }

    /// <summary>GETs <paramref name="path"/> of the ingest: true for a 2xx answer, false for anything else or no answer.</summary>
    public async Task<bool> GetOkAsync(string path, CancellationToken cancellationToken)
    {
        var baseUrl = BaseUrl ?? throw new InvalidOperationException("no ingest URL is configured");
        try
        {
            using var response = await _http.GetAsync(new Uri(baseUrl + path), cancellationToken).ConfigureAwait(false);
            await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>One control request (remote configuration) to <paramref name="path"/>; network errors are answered, not thrown.</summary>
    public async Task<(int? Status, string? ETag, byte[] Body, string Detail)> ExchangeAsync(
        HttpMethod method, string path, byte[]? json, string? ifNoneMatch, CancellationToken cancellationToken)
    {
        var baseUrl = BaseUrl ?? throw new InvalidOperationException("no ingest URL is configured");
        using var request = new HttpRequestMessage(method, new Uri(baseUrl + path));
        request.Headers.Add("X-Api-Key", _apiKey);
        if (json is not null)
        {
            request.Content = new ByteArrayContent(json);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        if (ifNoneMatch is not null && EntityTagHeaderValue.TryParse(ifNoneMatch, out var tag))
        {
            request.Headers.IfNoneMatch.Add(tag);
        }

        try
        {
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            return (status, response.Headers.ETag?.ToString(), body, $"{method} {path}: {status} {response.ReasonPhrase}");
        }
        catch (HttpRequestException ex)
        {
            return (null, null, [], $"{method} {path}: network error: {ex.Message}");
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, null, [], $"{method} {path}: no answer within {_http.Timeout}: {ex.Message}");
        }
    }

    public void Dispose() => _http.Dispose();

    /// <summary>Renders a JSON body (acknowledgement or RFC 9457 problem details) as one log-friendly line.</summary>
    private static string Describe(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return "(no body)";
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object)
            {
                var fields = json.RootElement.EnumerateObject().Select(p => $"{p.Name}={p.Value}");
                return Truncate(string.Join(", ", fields));
            }
        }
        catch (JsonException)
        {
            // not JSON: log the text itself
        }

        return Truncate(body.ReplaceLineEndings(" "));
    }

    private static string Truncate(string text) => text.Length <= MaxDetailChars ? text : text[..MaxDetailChars] + "...";
}
