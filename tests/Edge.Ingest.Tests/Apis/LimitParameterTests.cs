using Edge.Ingest.Apis;

namespace Edge.Ingest.Tests.Apis;

public sealed class LimitParameterTests
{
    [Theory]
    [InlineData(null, 100)]
    [InlineData("1", 1)]
    [InlineData("1000", 1000)]
    [InlineData("0042", 42)]
    public void TryParse_AbsentOrInRange_Limit(string? text, int expected)
    {
        Assert.True(LimitParameter.TryParse(text, 100, 1000, out var limit, out var problem));

        Assert.Equal(expected, limit);
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    [InlineData("")]
    [InlineData(" 5")]
    [InlineData("+5")]
    [InlineData("99999999999")]
    public void TryParse_NotAWholeNumberInRange_FalseNamingRange(string text)
    {
        Assert.False(LimitParameter.TryParse(text, 100, 1000, out _, out var problem));

        Assert.Contains("from 1 to 1000", problem, StringComparison.Ordinal);
    }
}
