using System.Collections.Concurrent;

namespace Edge.Gateway.Radio;

/// <summary>
/// The handler used until the ECHONET Lite codec is wired in: sends the input's configured
/// <see cref="WisunBrouteOptions.PollRequests"/> and logs what comes back as hex, storing nothing.
/// TODO(echonet, issue 9): replace with a handler that builds Get requests (cumulative energy/flow, unit,
/// coefficient, historical data), matches answers by TID, decodes Get_Res/INF with the firmware codec and hands
/// readings (device id from the identification number 0x83) to <see cref="MeterReadingSink"/>.
/// </summary>
internal sealed partial class UndecodedWisunPayloadHandler(ILogger<UndecodedWisunPayloadHandler> logger) : IWisunPayloadHandler
{
    private readonly ConcurrentDictionary<string, byte[][]> _requests = new(StringComparer.Ordinal);

    /// <summary>Registers an input's configured requests.</summary>
    public void Configure(string input, WisunBrouteOptions options) =>
        _requests[input] = [.. options.PollRequests.Select(Convert.FromHexString)];

    public IReadOnlyList<byte[]> RequestsForPoll(string input) => _requests.TryGetValue(input, out var r) ? r : [];

    public ValueTask HandleAsync(string input, byte[] payload, DateTimeOffset received, CancellationToken cancellationToken)
    {
        LogPayload(logger, input, payload.Length, Convert.ToHexString(payload));
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Input}: {Length} bytes from the meter (not decoded yet): {Hex}")]
    private static partial void LogPayload(ILogger logger, string input, int length, string hex);
}
