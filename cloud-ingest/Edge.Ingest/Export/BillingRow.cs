using Edge.Ingest.Consumption;

namespace Edge.Ingest.Export;

/// <summary>One line of the billing export: a meter's interval.</summary>
/// <param name="MeterId">The meter's device id.</param>
/// <param name="Interval">The interval (a gap exports with empty volume).</param>
public sealed record BillingRow(string MeterId, ConsumptionInterval Interval);
