using System.Globalization;
using Edge.Ingest.Normalisation;
using Edge.Uplink;

namespace Edge.Ingest.Storage;

/// <summary>Everything one accepted batch adds to the store, written in one transaction.</summary>
/// <param name="GatewayId">Sending gateway.</param>
/// <param name="Sequence">The gateway's batch sequence number.</param>
/// <param name="CreatedUnixMs">When the gateway built the batch.</param>
/// <param name="ReceivedUnixMs">When the ingest received it (server clock).</param>
/// <param name="Readings">Normalised readings.</param>
/// <param name="Rejected">Readings set aside by the checks, kept apart from the readings with their reasons.</param>
/// <param name="Events">Events carried by the batch, stored as sent.</param>
/// <param name="Gaps">Gap records carried by the batch, stored as sent.</param>
public sealed record BatchWrite(
    string GatewayId,
    long Sequence,
    long CreatedUnixMs,
    long ReceivedUnixMs,
    IReadOnlyList<NormalisedReading> Readings,
    IReadOnlyList<RejectedReading> Rejected,
    IReadOnlyList<BatchEvent> Events,
    IReadOnlyList<GapRecord> Gaps)
{
    /// <summary>The batch id, <c>gateway/sequence</c>, e.g. <c>gw-1/17</c>.</summary>
    public string BatchId => Format(GatewayId, Sequence);

    /// <summary>Formats a batch id.</summary>
    public static string Format(string gatewayId, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{gatewayId}/{sequence}");
}
