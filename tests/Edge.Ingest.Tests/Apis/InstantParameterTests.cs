using Edge.Ingest.Apis;

namespace Edge.Ingest.Tests.Apis;

public sealed class InstantParameterTests
{
    // 2025-06-01T09:00:00Z is 1748768400 s after the Unix epoch (20240 days × 86400 s + 9 h).
    private const long NineUtc = 1_748_768_400_000;

    [Theory]
    [InlineData("2025-06-01T09:00:00Z", NineUtc)]
    [InlineData("2025-06-01T09:00Z", NineUtc)]
    [InlineData("2025-06-01T18:00:00+09:00", NineUtc)]
    [InlineData("2025-06-01T09:00:00.25Z", NineUtc + 250)]
    [InlineData("2025-06-01T04:30:00.001-04:30", NineUtc + 1)]
    public void TryParse_Instant_UnixMilliseconds(string text, long expected)
    {
        Assert.True(InstantParameter.TryParse(text, "from", out var unixMs, out var problem));

        Assert.Equal(expected, unixMs);
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("2025-06-01")]
    [InlineData("2025-06-01T09:00:00")]
    [InlineData("2025-06-01 09:00:00Z")]
    [InlineData("06/01/2025 09:00")]
    [InlineData("2025-06-01T09:00:00 09:00")]
    public void TryParse_NotAnInstant_FalseNamingParameter(string text)
    {
        Assert.False(InstantParameter.TryParse(text, "to", out _, out var problem));

        Assert.Contains("'to'", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_Absent_TrueWithoutBound()
    {
        Assert.True(InstantParameter.TryParse(null, "from", out var unixMs, out _));

        Assert.Null(unixMs);
    }
}
