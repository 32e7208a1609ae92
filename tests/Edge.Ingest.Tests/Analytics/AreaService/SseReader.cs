using System.Text.Json;

namespace Edge.Ingest.Tests.Analytics.AreaService;

/// <summary>
/// Reads a text/event-stream response line by line as WHATWG HTML §9.2.6 describes: fields up to a blank line make an
/// event; a line starting with ':' is a comment. Written for the tests, independent of the server's writer.
/// </summary>
internal sealed class SseReader(Stream stream) : IDisposable
{
    private readonly StreamReader _reader = new(stream);

    /// <summary>Comments seen so far (without the colon and leading space).</summary>
    public List<string> Comments { get; } = [];

    /// <summary>The next event, or null at the end of the stream.</summary>
    public async Task<SseEvent?> NextAsync(CancellationToken cancellationToken)
    {
        string? id = null, type = null, data = null;
        while (await _reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (data is not null)
                {
                    return new SseEvent(id, type ?? "message", data);
                }

                continue;
            }

            if (line.StartsWith(':'))
            {
                Comments.Add(line[1..].TrimStart());
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var (field, value) = colon < 0 ? (line, "") : (line[..colon], line[(colon + 1)..].TrimStart(' '));
            switch (field)
            {
                case "id": id = value; break;
                case "event": type = value; break;
                case "data": data = data is null ? value : data + "\n" + value; break;
                default: break;
            }
        }

        return null;
    }

    /// <summary>Reads events until one matches; fails the test when the stream ends or the time runs out.</summary>
    public async Task<SseEvent> UntilAsync(Func<SseEvent, bool> match, CancellationToken cancellationToken)
    {
        while (await NextAsync(cancellationToken) is { } e)
        {
            if (match(e))
            {
                return e;
            }
        }

        throw new InvalidOperationException("The stream ended before the expected event.");
    }

    /// <inheritdoc />
    public void Dispose() => _reader.Dispose();
}

/// <summary>One server-sent event.</summary>
internal sealed record SseEvent(string? Id, string Type, string Data)
{
    /// <summary>The data as JSON.</summary>
    public JsonElement Json => JsonDocument.Parse(Data).RootElement.Clone();
}
