namespace Edge.Ingest.Normalisation;

/// <summary>A quality and, unless good, the reason for it.</summary>
/// <param name="Quality">The quality.</param>
/// <param name="Reason">Why the value is not good; null when good.</param>
public readonly record struct QualityFlag(ReadingQuality Quality, string? Reason)
{
    /// <summary>A good value.</summary>
    public static QualityFlag Good => new(ReadingQuality.Good, null);

    /// <summary>An estimated value, with the reason.</summary>
    public static QualityFlag Estimated(string reason) => new(ReadingQuality.Estimated, reason);

    /// <summary>A suspect value, with the reason.</summary>
    public static QualityFlag Suspect(string reason) => new(ReadingQuality.Suspect, reason);

    /// <summary>
    /// The worse of two flags; on a tie the reasons are joined, so that a derived value says everything that
    /// lowered it.
    /// </summary>
    public static QualityFlag Worst(QualityFlag a, QualityFlag b)
    {
        if (a.Quality != b.Quality)
        {
            return a.Quality > b.Quality ? a : b;
        }

        return a.Reason is null ? b : b.Reason is null || a.Reason == b.Reason ? a : new(a.Quality, $"{a.Reason} {b.Reason}");
    }
}
