using Edge.Ingest.Normalisation;

namespace Edge.Ingest.Analytics.Alarms;

/// <summary>A meter's volume over one local month.</summary>
/// <param name="Month">Any day of the month (only year and month count).</param>
/// <param name="VolumeM3">The month's volume; null when unknown.</param>
/// <param name="Quality">Its quality; estimated months neither raise nor clear.</param>
public readonly record struct MonthlyVolume(DateOnly Month, decimal? VolumeM3, ReadingQuality Quality = ReadingQuality.Good)
{
    /// <summary>Whether the month may raise or clear an alarm.</summary>
    public bool IsEvidence => VolumeM3 is not null && Quality != ReadingQuality.Estimated;
}
