using Edge.Gateway.Links.Iridium;

namespace Edge.Gateway.Tests.Links.Iridium;

public sealed class SbdMoStatusTests
{
    [Theory]
    [InlineData(0, SbdRetryAdvice.Delivered)]
    [InlineData(2, SbdRetryAdvice.Delivered)]
    [InlineData(4, SbdRetryAdvice.Delivered)]
    [InlineData(5, SbdRetryAdvice.RetryWithBackoff)]
    [InlineData(10, SbdRetryAdvice.RetryWithBackoff)]
    [InlineData(13, SbdRetryAdvice.RetryWithBackoff)]
    [InlineData(17, SbdRetryAdvice.RetryWithBackoff)]
    [InlineData(18, SbdRetryAdvice.RetryWithBackoff)]
    [InlineData(19, SbdRetryAdvice.RetryWithBackoff)]
    [InlineData(11, SbdRetryAdvice.RetryLater)]
    [InlineData(35, SbdRetryAdvice.RetryLater)]
    [InlineData(36, SbdRetryAdvice.RetryLater)]
    [InlineData(32, SbdRetryAdvice.WaitForSignal)]
    [InlineData(33, SbdRetryAdvice.WaitForSignal)]
    [InlineData(15, SbdRetryAdvice.GiveUp)]
    [InlineData(16, SbdRetryAdvice.GiveUp)]
    [InlineData(37, SbdRetryAdvice.RetryWithBackoff)]
    public void Advise_ReferenceCodes_MatchDocumentedClass(int status, SbdRetryAdvice expected)
    {
        Assert.Equal(expected, SbdMoStatus.Advise(status));
    }

    [Fact]
    public void Parse_SbdixLine_SixFields()
    {
        var result = SbdSessionResult.Parse(" 1, 5, 1, 3, 12, 2");
        Assert.Equal(new SbdSessionResult(1, 5, 1, 3, 12, 2), result);
        Assert.True(result.MoSucceeded);
        Assert.True(result.MtReceived);
    }

    [Fact]
    public void Parse_FiveFields_Throws()
    {
        Assert.Throws<FormatException>(() => SbdSessionResult.Parse("0, 1, 0, 0, 0"));
    }
}
