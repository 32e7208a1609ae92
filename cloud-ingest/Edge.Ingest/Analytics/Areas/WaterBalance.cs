namespace Edge.Ingest.Analytics.Areas;

/// <summary>A district metered area's water balance over a period (issue 8 "DMA water balance").</summary>
/// <param name="InflowM3">Water the district inflow meter passed.</param>
/// <param name="BilledM3">Sum of the customer meters' consumption.</param>
/// <param name="MetersMissing">Customer meters without a volume for the period (the balance is then an upper bound).</param>
public sealed record WaterBalance(decimal InflowM3, decimal BilledM3, int MetersMissing)
{
    /// <summary>Inflow minus billed consumption: losses and unbilled use (non-revenue water).</summary>
    public decimal NonRevenueM3 => InflowM3 - BilledM3;

    /// <summary>Non-revenue water as a share of inflow, or null when nothing flowed in.</summary>
    public decimal? NonRevenueShare => InflowM3 > 0 ? NonRevenueM3 / InflowM3 : null;

    /// <summary>The balance of a period from the inflow and each customer meter's volume (null when unknown).</summary>
    public static WaterBalance Of(decimal inflowM3, IEnumerable<decimal?> billedM3)
    {
        ArgumentNullException.ThrowIfNull(billedM3);
        var (billed, missing) = (0m, 0);
        foreach (var volume in billedM3)
        {
            billed += volume ?? 0m;
            missing += volume is null ? 1 : 0;
        }

        return new WaterBalance(inflowM3, billed, missing);
    }
}
