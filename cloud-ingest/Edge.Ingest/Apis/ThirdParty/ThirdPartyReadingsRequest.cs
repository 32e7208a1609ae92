using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Edge.Ingest.Apis.ThirdParty;

/// <summary>
/// The third-party reading document, for the OpenAPI description of <c>POST /v1/readings</c>. The body is parsed by
/// <see cref="ThirdPartyReadingParser"/>, strictly: members not listed here are errors.
/// </summary>
/// <param name="Format">Must be <c>edge.readings/1</c>.</param>
/// <param name="Source">Free text naming the sending system, for logs.</param>
/// <param name="Readings">The readings, in any order.</param>
[Description("Readings of meters and sensors Edge does not manage. Every device must be registered to the gateway id of the API key.")]
public sealed record ThirdPartyReadingsRequest(
    [property: Required, Description("Format name and version; must be 'edge.readings/1'.")] string Format,
    [property: MaxLength(ThirdPartyReadingParser.MaxSourceLength), Description("Name of the sending system, for logs.")] string? Source,
    [property: Required, Description("The readings; at most MaxReadingsPerBatch.")] IReadOnlyList<ThirdPartyReadingItem> Readings);
