using System.Buffers;
using Microsoft.AspNetCore.Http.Features;

namespace Edge.Ingest.Apis;

/// <summary>
/// Reads a request body into memory, refusing it as soon as it exceeds a limit. The limit is enforced here,
/// while reading, so it holds for chunked bodies and behind any server, not only through Kestrel's setting.
/// </summary>
public static class BatchBodyReader
{
    private const int ChunkBytes = 64 * 1024;

    /// <summary>
    /// Returns the body, or <see langword="null"/> when it is longer than <paramref name="maxBytes"/>
    /// (by its Content-Length before reading, or by what arrives).
    /// </summary>
    public static async Task<ArraySegment<byte>?> ReadAsync(
        HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        // Let our own limit decide: Kestrel's default (30 MB) would otherwise cut in first with a larger MaxBodyBytes.
        var sizeFeature = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = maxBytes + 1;
        }

        using var buffer = new MemoryStream((int)Math.Min(request.ContentLength ?? ChunkBytes, maxBytes));
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk.AsMemory(0, ChunkBytes), cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return new ArraySegment<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
