namespace Edge.Firmware.Tests.Conformance;

/// <summary>The theory form of <see cref="ConformanceFactAttribute"/>.</summary>
public sealed class ConformanceTheoryAttribute : TheoryAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when the corpus is missing outside CI.</summary>
    public ConformanceTheoryAttribute()
    {
        if (!ConformanceCorpus.Available && !ConformanceCorpus.UnderCi)
        {
            Skip = ConformanceCorpus.MissingMessage;
        }
    }
}
