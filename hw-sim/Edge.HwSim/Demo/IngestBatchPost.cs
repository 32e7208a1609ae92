using System.Net;
using System.Net.Http.Headers;
using Edge.Uplink;

namespace Edge.HwSim.Demo;

/// <summary>Posts one binary batch to an ingest, as the simulator's cloud-side relays (satellite, IoT hub) do.</summary>
public static class IngestBatchPost
{
    /// <summary>The ingest's status for <paramref name="body"/>, or null when it could not be reached.</summary>
    public static async Task<HttpStatusCode?> SendAsync(
        HttpClient http, Uri batches, string apiKey, byte[] body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var request = new HttpRequestMessage(HttpMethod.Post, batches) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(BatchCodec.ContentType);
        request.Headers.Add("X-Api-Key", apiKey);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
