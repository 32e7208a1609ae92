using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Edge.Gateway.Tests.Diagnostics;

/// <summary>
/// A strict reader of the Prometheus text exposition format 0.0.4, written from the format's description (not from
/// the gateway's writer): comment lines <c># HELP name text</c> and <c># TYPE name type</c>, samples
/// <c>name{label="value",...} value [timestamp]</c>. It throws on anything the format does not allow or that
/// Prometheus would reject: a sample before its family's TYPE, a TYPE given twice, a family split by another,
/// a duplicate series, bad label escapes, histogram buckets that are not cumulative or lack +Inf = _count.
/// </summary>
internal sealed partial class PrometheusText
{
    private static readonly HashSet<string> Types = ["counter", "gauge", "histogram", "summary", "untyped"];

    private PrometheusText(Dictionary<string, string> types, List<Sample> samples)
    {
        FamilyTypes = types;
        Samples = samples;
    }

    /// <summary>Family name → type.</summary>
    public IReadOnlyDictionary<string, string> FamilyTypes { get; }

    public IReadOnlyList<Sample> Samples { get; }

    public static PrometheusText Parse(string text)
    {
        if (text.Length > 0 && !text.EndsWith('\n'))
        {
            throw new FormatException("the exposition must end with a line feed");
        }

        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var helps = new HashSet<string>(StringComparer.Ordinal);
        var samples = new List<Sample>();
        var series = new HashSet<string>(StringComparer.Ordinal);
        var finished = new HashSet<string>(StringComparer.Ordinal);
        string? current = null;
        var lineNo = 0;
        foreach (var line in text.Split('\n')[..^1])
        {
            lineNo++;
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith('#'))
            {
                var comment = CommentLine().Match(line);
                if (!comment.Success)
                {
                    continue; // a plain comment
                }

                var (kind, name, rest) = (comment.Groups[1].Value, comment.Groups[2].Value, comment.Groups[3].Value);
                if (kind == "TYPE")
                {
                    if (!Types.Contains(rest))
                    {
                        throw new FormatException($"line {lineNo}: unknown type '{rest}'");
                    }

                    if (!types.TryAdd(name, rest))
                    {
                        throw new FormatException($"line {lineNo}: second TYPE for {name}");
                    }
                }
                else if (!helps.Add(name))
                {
                    throw new FormatException($"line {lineNo}: second HELP for {name}");
                }

                if (current is not null && current != name)
                {
                    finished.Add(current);
                }

                current = name;
                continue;
            }

            var sample = ParseSample(line, lineNo);
            var family = FamilyOf(sample.Name, types);
            if (family is null)
            {
                throw new FormatException($"line {lineNo}: sample {sample.Name} has no TYPE before it");
            }

            if (finished.Contains(family) || (current is not null && current != family))
            {
                throw new FormatException($"line {lineNo}: sample of {family} outside its family's block");
            }

            if (!series.Add(sample.Name + "{" + string.Join(",", sample.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => l.Key + "=" + l.Value)) + "}"))
            {
                throw new FormatException($"line {lineNo}: duplicate series {line}");
            }

            samples.Add(sample with { Family = family });
        }

        var parsed = new PrometheusText(types, samples);
        parsed.CheckHistograms();
        return parsed;
    }

    /// <summary>The single sample of <paramref name="name"/> whose labels include <paramref name="labels"/>.</summary>
    public double Value(string name, params (string Name, string Value)[] labels)
    {
        var matches = Find(name, labels).ToList();
        return matches.Count == 1
            ? matches[0].Value
            : throw new InvalidOperationException($"{matches.Count} samples of {name} with {string.Join(",", labels)}");
    }

    public IEnumerable<Sample> Find(string name, params (string Name, string Value)[] labels) =>
        Samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Name, out var v) && v == l.Value));

    private void CheckHistograms()
    {
        foreach (var (family, type) in FamilyTypes)
        {
            if (type != "histogram")
            {
                continue;
            }

            var groups = Samples.Where(s => s.Name == family + "_bucket")
                .GroupBy(s => string.Join(",", s.Labels.Where(l => l.Key != "le").OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => l.Key + "=" + l.Value)));
            foreach (var group in groups)
            {
                var buckets = group.Select(s => (Le: ParseNumber(s.Labels["le"]), s.Value)).OrderBy(b => b.Le).ToList();
                for (var i = 1; i < buckets.Count; i++)
                {
                    if (buckets[i].Value < buckets[i - 1].Value)
                    {
                        throw new FormatException($"{family}{{{group.Key}}}: bucket le={buckets[i].Le} is below le={buckets[i - 1].Le}");
                    }
                }

                if (buckets.Count == 0 || !double.IsPositiveInfinity(buckets[^1].Le))
                {
                    throw new FormatException($"{family}{{{group.Key}}}: no +Inf bucket");
                }

                var labels = group.First().Labels.Where(l => l.Key != "le").Select(l => (l.Key, l.Value)).ToArray();
                var count = Find(family + "_count", labels).Single().Value;
                _ = Find(family + "_sum", labels).Single();
                if (count != buckets[^1].Value)
                {
                    throw new FormatException($"{family}{{{group.Key}}}: _count {count} differs from the +Inf bucket {buckets[^1].Value}");
                }
            }
        }
    }

    private static string? FamilyOf(string sampleName, Dictionary<string, string> types)
    {
        if (types.ContainsKey(sampleName))
        {
            return sampleName;
        }

        foreach (var suffix in new[] { "_bucket", "_sum", "_count" })
        {
            if (sampleName.EndsWith(suffix, StringComparison.Ordinal))
            {
                var family = sampleName[..^suffix.Length];
                if (types.TryGetValue(family, out var type) && type is "histogram" or "summary")
                {
                    return family;
                }
            }
        }

        return null;
    }

    private static Sample ParseSample(string line, int lineNo)
    {
        var head = MetricName().Match(line);
        if (!head.Success)
        {
            throw new FormatException($"line {lineNo}: no metric name in '{line}'");
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var i = head.Length;
        if (i < line.Length && line[i] == '{')
        {
            i++;
            while (true)
            {
                if (line[i] == '}')
                {
                    i++;
                    break;
                }

                var name = LabelName().Match(line, i);
                if (!name.Success || name.Index != i || line[i + name.Length] != '=' || line[i + name.Length + 1] != '"')
                {
                    throw new FormatException($"line {lineNo}: bad label at column {i}");
                }

                i += name.Length + 2;
                var value = new StringBuilder();
                while (line[i] != '"')
                {
                    if (line[i] == '\\')
                    {
                        value.Append(line[i + 1] switch
                        {
                            '\\' => '\\',
                            '"' => '"',
                            'n' => '\n',
                            var c => throw new FormatException($"line {lineNo}: bad escape \\{c}"),
                        });
                        i += 2;
                    }
                    else
                    {
                        value.Append(line[i++]);
                    }
                }

                i++;
                if (!labels.TryAdd(name.Value, value.ToString()))
                {
                    throw new FormatException($"line {lineNo}: label {name.Value} twice");
                }

                if (line[i] == ',')
                {
                    i++;
                }
                else if (line[i] != '}')
                {
                    throw new FormatException($"line {lineNo}: expected , or }} at column {i}");
                }
            }
        }

        var rest = line[i..];
        if (!rest.StartsWith(' '))
        {
            throw new FormatException($"line {lineNo}: no space before the value");
        }

        var fields = rest.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length is < 1 or > 2 || (fields.Length == 2 && !long.TryParse(fields[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)))
        {
            throw new FormatException($"line {lineNo}: expected a value and an optional timestamp in '{rest}'");
        }

        return new Sample(head.Value, labels, ParseNumber(fields[0]), "");
    }

    private static double ParseNumber(string text) => text switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    [GeneratedRegex(@"^#\s+(HELP|TYPE)\s+([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\s+(.*))?$")]
    private static partial Regex CommentLine();

    [GeneratedRegex(@"^[a-zA-Z_:][a-zA-Z0-9_:]*")]
    private static partial Regex MetricName();

    [GeneratedRegex(@"[a-zA-Z_][a-zA-Z0-9_]*")]
    private static partial Regex LabelName();

    /// <summary>One sample line.</summary>
    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value, string Family);
}
