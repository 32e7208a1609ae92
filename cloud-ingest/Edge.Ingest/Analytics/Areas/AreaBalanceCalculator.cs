using Edge.Ingest.Consumption;

namespace Edge.Ingest.Analytics.Areas;

/// <summary>
/// A DMA's water balance and minimum night flow from what its meters measured (issue 8 "DMA water balance"): inflow −
/// billed (<see cref="WaterBalance"/>) with how complete the data are, and per local night of the period the lowest
/// hourly inflow and the rolling nearest-rank 20th percentile of the last 7 nights (<see cref="MinimumNightFlow"/>).
/// Pure: the same input gives the same report.
/// </summary>
public static class AreaBalanceCalculator
{
    /// <summary>Nights in the rolling minimum night flow window (issue 8: 7 days).</summary>
    public const int NightWindowDays = 7;

    /// <summary>Percentile of the nights' lowest hours (issue 8: 20th).</summary>
    public const decimal NightPercentile = 20m;

    /// <summary>The report of [<paramref name="from"/>, <paramref name="to"/>) (whole UTC hours).</summary>
    /// <exception cref="ArgumentException">The period is empty or not whole hours, or the inflow hours do not cover it.</exception>
    public static AreaBalanceReport Compute(
        string areaId, string name, DateTimeOffset from, DateTimeOffset to, InflowPeriod inflow, IReadOnlyList<CustomerPeriod> customers)
    {
        ArgumentNullException.ThrowIfNull(inflow);
        ArgumentNullException.ThrowIfNull(customers);
        if (!MeterSeries.IsWholeHour(from) || !MeterSeries.IsWholeHour(to) || to <= from || inflow.Hourly.From > from || inflow.Hourly.To < to)
        {
            throw new ArgumentException($"Area '{areaId}': the period must be whole hours within the inflow hours.", nameof(to));
        }

        var hours = (int)((to - from).Ticks / TimeSpan.TicksPerHour);
        var offset = (int)((from - inflow.Hourly.From).Ticks / TimeSpan.TicksPerHour);
        var inflowPresent = 0;
        for (var h = offset; h < offset + hours; h++)
        {
            inflowPresent += inflow.Hourly[h].VolumeM3 is null ? 0 : 1;
        }

        decimal? net = inflow.ForwardM3 is { } f && (!inflow.HasReverse || inflow.ReverseM3 is not null) ? f - (inflow.ReverseM3 ?? 0m) : null;
        var balance = WaterBalance.Of(net ?? 0m, customers.Select(c => c.VolumeM3));
        var billed = new BalanceBilled(
            balance.BilledM3, customers.Count, customers.Count - balance.MetersMissing, customers.Count(c => c.HoursPresent > 0),
            customers.Sum(c => c.HoursPresent), customers.Count * hours);
        var problems = Problems(net, inflowPresent, hours, billed);
        return new AreaBalanceReport(
            areaId, name, from, to,
            new BalanceInflow(inflow.MeterId, net, inflow.ForwardM3, inflow.ReverseM3, inflowPresent, hours),
            billed,
            net is null ? null : balance.NonRevenueM3,
            net is null || balance.NonRevenueShare is not { } share ? null : Math.Round(share, 4, MidpointRounding.AwayFromZero),
            problems.Count == 0, problems, Nights(inflow.Hourly, from, to));
    }

    private static List<string> Problems(decimal? net, int inflowPresent, int hours, BalanceBilled billed)
    {
        var problems = new List<string>();
        if (net is null)
        {
            problems.Add("The inflow meter has no register reading near the start or the end of the period: inflow and losses are unknown.");
        }

        if (inflowPresent < hours)
        {
            problems.Add(AnalyticsText.Of($"The inflow meter has volumes for {inflowPresent} of {hours} hours."));
        }

        if (billed.Meters == 0)
        {
            problems.Add("The area has no customer meters: nothing is billed against the inflow.");
        }

        if (billed.MetersWithVolume < billed.Meters)
        {
            problems.Add(AnalyticsText.Of(
                $"{billed.Meters - billed.MetersWithVolume} of {billed.Meters} customer meters have no volume for the period: billed is a lower bound and the losses an upper bound."));
        }

        if (billed.HoursPresent < billed.HoursExpected)
        {
            problems.Add(AnalyticsText.Of($"The customer meters have volumes for {billed.HoursPresent} of {billed.HoursExpected} meter-hours."));
        }

        return problems;
    }

    // Every local night whose 00:00-06:00 lies within [from, to), with the lowest hour and the rolling percentile of the
    // nights measured in the window (the inflow hours start NightWindowDays − 1 days early to give the first one its window).
    private static List<NightFlowPoint> Nights(MeterSeries inflow, DateTimeOffset from, DateTimeOffset to)
    {
        var minima = MinimumNightFlow.NightMinima(inflow, TokyoTime.Zone);
        var points = new List<NightFlowPoint>();
        var night = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, TokyoTime.Zone).DateTime);
        for (; ConsumptionBoundaries.LocalMidnight(night, TokyoTime.Zone).AddHours(6) <= to; night = night.AddDays(1))
        {
            if (ConsumptionBoundaries.LocalMidnight(night, TokyoTime.Zone) < from)
            {
                continue;
            }

            var window = minima.Where(n => n.Night > night.AddDays(-NightWindowDays) && n.Night <= night).Select(n => n.LowestM3).ToList();
            var lowest = minima.Where(n => n.Night == night).Select(n => (decimal?)n.LowestM3).FirstOrDefault();
            points.Add(new NightFlowPoint(
                night, lowest, window.Count == 0 ? null : MinimumNightFlow.NearestRank(window, NightPercentile), window.Count));
        }

        return points;
    }
}
