using Edge.Ingest.Normalisation;
using Edge.Uplink;

namespace Edge.Ingest.Tests.Normalisation;

public sealed class ReadingQualityRulesTests
{
    [Theory]
    [InlineData(ClockQuality.Gnss, false, ReadingQuality.Good)]
    [InlineData(ClockQuality.Ntp, false, ReadingQuality.Good)]
    [InlineData(ClockQuality.Gateway, false, ReadingQuality.Good)]
    [InlineData(ClockQuality.Gateway, true, ReadingQuality.Estimated)]
    [InlineData(ClockQuality.RtcUnsynced, false, ReadingQuality.Suspect)]
    [InlineData((ClockQuality)9, false, ReadingQuality.Suspect)]
    public void ForClock_EachQuality_AsDocumented(ClockQuality clock, bool corrected, ReadingQuality expected)
    {
        var flag = ReadingQualityRules.ForClock(clock, corrected);

        Assert.Equal(expected, flag.Quality);
        Assert.Equal(expected == ReadingQuality.Good, flag.Reason is null);
    }
}
