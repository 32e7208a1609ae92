using Edge.Ingest.Normalisation;

namespace Edge.Ingest.Tests.Normalisation;

public sealed class QualityFlagTests
{
    [Fact]
    public void Worst_SuspectAndEstimated_Suspect()
    {
        var worst = QualityFlag.Worst(QualityFlag.Estimated("e"), QualityFlag.Suspect("s"));

        Assert.Equal(QualityFlag.Suspect("s"), worst);
    }

    [Fact]
    public void Worst_GoodAndGood_Good()
    {
        Assert.Equal(QualityFlag.Good, QualityFlag.Worst(QualityFlag.Good, QualityFlag.Good));
    }

    [Fact]
    public void Worst_TwoDifferentReasonsSameQuality_BothReasons()
    {
        var worst = QualityFlag.Worst(QualityFlag.Estimated("Start read late."), QualityFlag.Estimated("End read early."));

        Assert.Equal(QualityFlag.Estimated("Start read late. End read early."), worst);
    }

    [Fact]
    public void Worst_SameReasonTwice_Once()
    {
        Assert.Equal(QualityFlag.Suspect("x"), QualityFlag.Worst(QualityFlag.Suspect("x"), QualityFlag.Suspect("x")));
    }
}
