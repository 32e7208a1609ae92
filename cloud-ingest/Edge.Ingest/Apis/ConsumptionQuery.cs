using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Edge.Ingest.Consumption;

namespace Edge.Ingest.Apis;

/// <summary>
/// The <c>interval</c>, <c>from</c> and <c>to</c> parameters of the consumption endpoints, turned into boundaries:
/// <c>hour</c> takes RFC 3339 instants on whole UTC hours; <c>day</c> takes Tokyo dates (<c>2026-06-01</c>) and
/// <c>month</c> Tokyo months (<c>2026-06</c>). <c>from</c> is inclusive and <c>to</c> exclusive.
/// </summary>
/// <param name="Interval">hour, day or month.</param>
/// <param name="Boundaries">The interval boundaries, first <c>from</c>, last <c>to</c>.</param>
public sealed record ConsumptionQuery(string Interval, IReadOnlyList<DateTimeOffset> Boundaries)
{
    /// <summary>Most intervals one request may ask for.</summary>
    public const int MaxIntervals = 1000;

    /// <summary>Parses the parameters; on failure <paramref name="problem"/> says what is wrong.</summary>
    public static bool TryParse(
        string? interval, string? from, string? to,
        [NotNullWhen(true)] out ConsumptionQuery? query, [NotNullWhen(false)] out string? problem)
    {
        query = null;
        if (string.IsNullOrEmpty(from) || string.IsNullOrEmpty(to))
        {
            problem = "Both 'from' and 'to' are required.";
            return false;
        }

        IReadOnlyList<DateTimeOffset>? boundaries;
        switch (interval)
        {
            case "hour":
                if (!InstantParameter.TryParse(from, "from", out var fromMs, out var instantProblem)
                    || !InstantParameter.TryParse(to, "to", out var toMs, out instantProblem))
                {
                    problem = instantProblem ?? "Invalid instant.";
                    return false;
                }

                if (fromMs % 3_600_000 != 0 || toMs % 3_600_000 != 0)
                {
                    problem = $"For interval=hour, 'from' {DetailText.Quote(from)} and 'to' {DetailText.Quote(to)} must be whole UTC hours.";
                    return false;
                }

                if (!InOrder(from, to, fromMs!.Value, toMs!.Value, (toMs.Value - fromMs.Value) / 3_600_000, out problem))
                {
                    return false;
                }

                boundaries = ConsumptionBoundaries.Hourly(
                    DateTimeOffset.FromUnixTimeMilliseconds(fromMs.Value), DateTimeOffset.FromUnixTimeMilliseconds(toMs.Value));
                break;
            case "day":
                if (!TryDate(from, "from", "yyyy-MM-dd", out var firstDay, out problem)
                    || !TryDate(to, "to", "yyyy-MM-dd", out var endDay, out problem)
                    || !InOrder(from, to, firstDay.DayNumber, endDay.DayNumber, endDay.DayNumber - firstDay.DayNumber, out problem))
                {
                    return false;
                }

                boundaries = ConsumptionBoundaries.Daily(firstDay, endDay, TokyoTime.Zone);
                break;
            case "month":
                if (!TryDate(from, "from", "yyyy-MM", out var firstMonth, out problem)
                    || !TryDate(to, "to", "yyyy-MM", out var endMonth, out problem))
                {
                    return false;
                }

                var months = ((endMonth.Year - firstMonth.Year) * 12) + endMonth.Month - firstMonth.Month;
                if (!InOrder(from, to, 0, months, months, out problem))
                {
                    return false;
                }

                boundaries = ConsumptionBoundaries.Monthly(firstMonth, months, TokyoTime.Zone);
                break;
            default:
                problem = $"'interval' must be hour, day or month, not {DetailText.Quote(interval)}.";
                return false;
        }

        query = new ConsumptionQuery(interval, boundaries);
        return true;
    }

    private static bool InOrder(string from, string to, long first, long last, long count, [NotNullWhen(false)] out string? problem)
    {
        problem = first >= last ? $"'from' {DetailText.Quote(from)} must be before 'to' {DetailText.Quote(to)}."
            : count > MaxIntervals ? $"At most {MaxIntervals} intervals per request; {count} asked for."
            : null;
        return problem is null;
    }

    private static bool TryDate(string text, string name, string format, out DateOnly date, [NotNullWhen(false)] out string? problem)
    {
        if (DateOnly.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            problem = null;
            return true;
        }

        problem = $"'{name}' must be a Tokyo {(format.Length > 7 ? "date" : "month")} {format}, not {DetailText.Quote(text)}.";
        return false;
    }
}
