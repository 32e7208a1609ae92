using System.Globalization;

namespace Edge.Ingest.Analytics;

/// <summary>Invariant-culture text for findings (operators read them; tests compare them).</summary>
internal static class AnalyticsText
{
    /// <summary>Formats with the invariant culture.</summary>
    public static string Of(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>A volume in m³ as litres, e.g. <c>3 l</c>.</summary>
    public static string Litres(decimal m3) => Of($"{m3 * 1000m:0.###} l");
}
