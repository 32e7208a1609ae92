using Edge.Ingest.Normalisation.Registers;

namespace Edge.Ingest.Registry;

/// <summary>What the registry knows about a water meter's register.</summary>
/// <param name="RegisterDigits">Whole-m³ digits of the register (it rolls over at 10^digits m³); null when it never rolls over.</param>
/// <param name="Q3M3PerHour">Permanent flow rate Q3 marked on the meter (ISO 4064-1 §4.1.2), e.g. 2.5.</param>
/// <param name="Serial">Serial number of the meter now installed; a reading from another serial means a replacement.</param>
public sealed record MeterProfile(int? RegisterDigits, decimal Q3M3PerHour, string? Serial = null)
{
    /// <summary>The register spec the classifier and consumption calculator use.</summary>
    public RegisterSpec ToRegisterSpec() => RegisterSpec.FromQ3(RegisterDigits, Q3M3PerHour);
}
