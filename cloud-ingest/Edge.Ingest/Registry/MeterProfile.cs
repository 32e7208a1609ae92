using Edge.Ingest.Normalisation.Registers;

namespace Edge.Ingest.Registry;

/// <summary>What the registry knows about a water meter's register and the account behind it.</summary>
/// <param name="RegisterDigits">Whole-m³ digits of the register (it rolls over at 10^digits m³); null when it never rolls over.</param>
/// <param name="Q3M3PerHour">Permanent flow rate Q3 marked on the meter (ISO 4064-1 §4.1.2), e.g. 2.5.</param>
/// <param name="Serial">Serial number of the meter now installed; a reading from another serial means a replacement.</param>
/// <param name="Occupied">
/// The account is marked occupied: someone lives there, so 30 days without consumption is a stuck meter (issue 8).
/// </param>
/// <param name="UploadInterval">
/// How often the device is expected to upload (no communication: late after it + 2 h, lost after 3 × it); null for the
/// default of the alarm options (24 h).
/// </param>
public sealed record MeterProfile(
    int? RegisterDigits, decimal Q3M3PerHour, string? Serial = null, bool Occupied = false, TimeSpan? UploadInterval = null)
{
    /// <summary>Shortest expected upload interval accepted: a minute (the alarm timer could not judge finer anyway).</summary>
    public static readonly TimeSpan MinUploadInterval = TimeSpan.FromMinutes(1);

    /// <summary>Longest expected upload interval accepted: a week (lost only after three weeks of silence).</summary>
    public static readonly TimeSpan MaxUploadInterval = TimeSpan.FromDays(7);

    /// <summary>The register spec the classifier and consumption calculator use.</summary>
    public RegisterSpec ToRegisterSpec() => RegisterSpec.FromQ3(RegisterDigits, Q3M3PerHour);
}
