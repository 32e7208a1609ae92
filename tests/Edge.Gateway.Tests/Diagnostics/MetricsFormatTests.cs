using Edge.Gateway.Diagnostics;
using Edge.Gateway.Hosting;

namespace Edge.Gateway.Tests.Diagnostics;

/// <summary>The exposition writer and the latency histogram against the strict reader; the health options check.</summary>
public sealed class MetricsFormatTests
{
    [Fact]
    public void Writer_LabelValuesWithQuotesBackslashesAndNewlines_ReadBackUnchanged()
    {
        const string odd = "gw \"north\" \\ line\nbreak";
        var text = new PrometheusWriter()
            .Family("edge_test_total", "counter", "help with \\ and\nnewline")
            .Sample("edge_test_total", 3, ("gateway", odd), ("link", "http"))
            .Family("edge_test_gauge", "gauge", "a gauge")
            .Sample("edge_test_gauge", double.NaN)
            .ToString();

        var parsed = PrometheusText.Parse(text);

        Assert.Equal(3, parsed.Value("edge_test_total", ("gateway", odd), ("link", "http")));
        Assert.True(double.IsNaN(parsed.Value("edge_test_gauge")));
    }

    [Fact]
    public void Histogram_Observations_CumulativeBucketsSumAndCount()
    {
        var histogram = new LatencyHistogram();
        foreach (var ms in new[] { 0.5, 3, 200, 20_000 })
        {
            histogram.Observe(TimeSpan.FromMilliseconds(ms));
        }

        var parsed = PrometheusText.Parse(new PrometheusWriter()
            .Family("edge_commit_seconds", "histogram", "commit time")
            .Histogram("edge_commit_seconds", histogram.Read(), ("writer", "frames"))
            .ToString());

        Assert.Equal(1, parsed.Value("edge_commit_seconds_bucket", ("writer", "frames"), ("le", "0.001")));
        Assert.Equal(1, parsed.Value("edge_commit_seconds_bucket", ("writer", "frames"), ("le", "0.0025")));
        Assert.Equal(2, parsed.Value("edge_commit_seconds_bucket", ("writer", "frames"), ("le", "0.005")));
        Assert.Equal(3, parsed.Value("edge_commit_seconds_bucket", ("writer", "frames"), ("le", "0.25")));
        Assert.Equal(3, parsed.Value("edge_commit_seconds_bucket", ("writer", "frames"), ("le", "10")));
        Assert.Equal(4, parsed.Value("edge_commit_seconds_bucket", ("writer", "frames"), ("le", "+Inf")));
        Assert.Equal(4, parsed.Value("edge_commit_seconds_count", ("writer", "frames")));
        Assert.Equal(20.2035, parsed.Value("edge_commit_seconds_sum", ("writer", "frames")), 6);
    }

    [Theory]
    [InlineData("x_total 1\n", "no TYPE")]
    [InlineData("# TYPE x counter\n# TYPE x counter\n", "second TYPE")]
    [InlineData("# TYPE x counter\nx{a=\"1\"} 1\nx{a=\"1\"} 2\n", "duplicate series")]
    [InlineData("# TYPE x counter\nx{a=\"\\t\"} 1\n", "bad escape")]
    [InlineData("# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} 1\nh_sum 1\nh_count 1\n", "below")]
    [InlineData("# TYPE x counter\nx 1", "line feed")]
    public void Reader_MalformedExposition_IsRejected(string text, string reason)
    {
        var error = Assert.Throws<FormatException>(() => PrometheusText.Parse(text));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validator_BadHealthSettings_NamesEachOne()
    {
        var options = new GatewayOptions { Id = "gw", Health = new HealthOptions { Port = 70000, BindAddress = "localhost", ProbeInterval = TimeSpan.Zero } };

        var result = new GatewayOptionsValidator().Validate(null, options);

        Assert.Contains("Edge:Gateway:Health:Port 70000 is not a TCP port", result.Failures!);
        Assert.Contains("Edge:Gateway:Health:BindAddress 'localhost' is not an IP address", result.Failures!);
        Assert.Contains("Edge:Gateway:Health:ProbeInterval must be positive", result.Failures!);
    }
}
