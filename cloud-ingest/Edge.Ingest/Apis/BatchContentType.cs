using System.Text;
using Edge.Uplink;
using Microsoft.Net.Http.Headers;

namespace Edge.Ingest.Apis;

/// <summary>The body formats <c>POST /v1/batches</c> accepts, and how each is decoded.</summary>
public static class BatchContentType
{
    /// <summary>The JSON rendering of a batch (Edge.Uplink <see cref="BatchJson"/>).</summary>
    public const string Json = "application/json";

    /// <summary>The binary batch format v1 (Edge.Uplink <see cref="BatchCodec"/>).</summary>
    public const string Binary = BatchCodec.ContentType;

    /// <summary>The third-party reading format (<see cref="ThirdParty.ThirdPartyReadingParser"/>), UTF-8 JSON.</summary>
    public const string ThirdPartyReadings = ThirdParty.ThirdPartyReadingParser.MediaType;

    private static readonly UTF8Encoding _strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Finds the accepted media type named by a Content-Type header, or says why it is not accepted.
    /// JSON may carry <c>charset=utf-8</c>; nothing else.
    /// </summary>
    public static string? Match(string? contentType, out string? problem)
    {
        const string Accepted = $"use {Binary}, {Json} or {ThirdPartyReadings}";
        problem = null;
        if (string.IsNullOrWhiteSpace(contentType))
        {
            problem = $"The Content-Type header is missing; {Accepted}.";
            return null;
        }

        if (!MediaTypeHeaderValue.TryParse(contentType, out var media) || !media.MediaType.HasValue)
        {
            problem = $"The Content-Type {DetailText.Quote(contentType)} cannot be parsed; {Accepted}.";
            return null;
        }

        var type = media.MediaType.Value;
        if (string.Equals(type, Binary, StringComparison.OrdinalIgnoreCase))
        {
            return Binary;
        }

        foreach (var json in (ReadOnlySpan<string>)[Json, ThirdPartyReadings])
        {
            if (string.Equals(type, json, StringComparison.OrdinalIgnoreCase))
            {
                var charset = media.Charset.HasValue ? media.Charset.Value : null;
                if (charset is null || string.Equals(charset.Trim('"'), "utf-8", StringComparison.OrdinalIgnoreCase))
                {
                    return json;
                }

                problem = $"The charset {DetailText.Quote(charset)} is not accepted; JSON bodies must be UTF-8.";
                return null;
            }
        }

        problem = $"The Content-Type {DetailText.Quote(type)} is not accepted; {Accepted}.";
        return null;
    }

    /// <summary>Decodes a body of type <see cref="Binary"/> or <see cref="Json"/>; throws <see cref="BatchFormatException"/> on any defect.</summary>
    public static Batch Decode(string mediaType, ReadOnlySpan<byte> body, BatchDecodeOptions decodeOptions)
    {
        if (mediaType == Binary)
        {
            return BatchCodec.Decode(body, decodeOptions);
        }

        if (body.StartsWith("\uFEFF"u8))
        {
            body = body[3..];
        }

        string json;
        try
        {
            json = _strictUtf8.GetString(body);
        }
        catch (DecoderFallbackException ex)
        {
            throw new BatchFormatException("The JSON body is not valid UTF-8.", ex);
        }

        return BatchJson.Deserialize(json, decodeOptions);
    }
}
