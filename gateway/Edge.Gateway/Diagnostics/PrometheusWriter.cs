using System.Globalization;
using System.Text;

namespace Edge.Gateway.Diagnostics;

/// <summary>
/// Writes the Prometheus text exposition format (version 0.0.4): per metric family one <c># HELP</c> and one
/// <c># TYPE</c> line, then its samples, <c>name{label="value",...} number</c>. Label values are escaped
/// (backslash, double quote, line feed); numbers are invariant, with <c>+Inf</c>, <c>-Inf</c> and <c>NaN</c>.
/// </summary>
internal sealed class PrometheusWriter
{
    /// <summary>The Content-Type of the format.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private readonly StringBuilder _text = new();
    private readonly HashSet<string> _families = new(StringComparer.Ordinal);

    /// <summary>Starts a family; <paramref name="type"/> is <c>counter</c>, <c>gauge</c> or <c>histogram</c>. Each name once.</summary>
    public PrometheusWriter Family(string name, string type, string help)
    {
        if (!_families.Add(name))
        {
            throw new InvalidOperationException($"metric family {name} written twice");
        }

        _text.Append("# HELP ").Append(name).Append(' ').Append(EscapeHelp(help)).Append('\n');
        _text.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
        return this;
    }

    /// <summary>One sample; <paramref name="labels"/> are name/value pairs.</summary>
    public PrometheusWriter Sample(string name, double value, params (string Name, string Value)[] labels)
    {
        _text.Append(name);
        if (labels.Length > 0)
        {
            _text.Append('{');
            for (var i = 0; i < labels.Length; i++)
            {
                if (i > 0)
                {
                    _text.Append(',');
                }

                _text.Append(labels[i].Name).Append("=\"").Append(EscapeLabel(labels[i].Value)).Append('"');
            }

            _text.Append('}');
        }

        _text.Append(' ').Append(Number(value)).Append('\n');
        return this;
    }

    /// <summary>A whole histogram family: cumulative buckets, +Inf, sum and count, each with <paramref name="labels"/>.</summary>
    public PrometheusWriter Histogram(string name, LatencyHistogram.Snapshot snapshot, params (string Name, string Value)[] labels)
    {
        for (var i = 0; i < snapshot.Cumulative.Count; i++)
        {
            var le = i < LatencyHistogram.Bounds.Count ? Number(LatencyHistogram.Bounds[i]) : "+Inf";
            Sample(name + "_bucket", snapshot.Cumulative[i], [.. labels, ("le", le)]);
        }

        Sample(name + "_sum", snapshot.SumSeconds, labels);
        Sample(name + "_count", snapshot.Count, labels);
        return this;
    }

    /// <inheritdoc />
    public override string ToString() => _text.ToString();

    /// <summary>A number as the format writes it.</summary>
    public static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private static string EscapeLabel(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string EscapeHelp(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
