using Edge.Ingest.Normalisation.Units;

namespace Edge.Ingest.Registry;

/// <summary>One measured channel of a device.</summary>
/// <param name="Name">Channel name as the device sends it (SenML name, RFC 8428 §4.5.1), e.g. <c>volume</c>.</param>
/// <param name="Quantity">What the channel measures; picks the canonical unit.</param>
/// <param name="Unit">Unit the device sends, one the <see cref="QuantityUnitCatalog"/> accepts for the quantity.</param>
/// <param name="Multiplier">
/// Scaling applied to the sent value before the unit conversion, e.g. 10 for a pulse input counting 10 l per pulse
/// sent as <c>l</c>. 1 when the device sends true values.
/// </param>
public sealed record ChannelSpec(string Name, Quantity Quantity, string Unit, decimal Multiplier = 1m);
