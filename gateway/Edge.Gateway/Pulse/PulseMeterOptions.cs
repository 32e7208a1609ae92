namespace Edge.Gateway.Pulse;

/// <summary>
/// A pulse-output water meter wired to the Pi's GPIO header (<c>Edge:Gateway:PulseMeters</c>): reed A on
/// <see cref="PinA"/>, optionally reed B a quarter turn behind for direction and a tamper contact. Each contact
/// switches its pin to ground against the internal pull-up (a closed contact reads low). Pin numbers are the
/// controller's logical (BCM) numbers.
/// </summary>
public sealed class PulseMeterOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Edge:Gateway:PulseMeters";

    /// <summary>Device id the readings are stored under (the meter's id at the ingest).</summary>
    public string Device { get; set; } = "";

    /// <summary>GPIO of reed A: one pulse per turn.</summary>
    public int PinA { get; set; } = -1;

    /// <summary>GPIO of reed B (quadrature, for reverse flow); -1 when not wired.</summary>
    public int PinB { get; set; } = -1;

    /// <summary>GPIO of the tamper contact (closed = tampered); -1 when not wired.</summary>
    public int TamperPin { get; set; } = -1;

    /// <summary>Litres per pulse (the meter's pulse value, e.g. 1, 10 or 0.1).</summary>
    public decimal LitresPerPulse { get; set; } = 1m;

    /// <summary>How long a contact level must hold to count (reed switches bounce for a few ms).</summary>
    public int DebounceMs { get; set; } = 10;

    /// <summary>Reading interval; readings are taken on its boundaries (on the hour by default).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>One message per invalid entry of <paramref name="meters"/>; empty when all are valid.</summary>
    public static List<string> Validate(IReadOnlyList<PulseMeterOptions> meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var errors = new List<string>();
        var devices = new HashSet<string>(StringComparer.Ordinal);
        var pins = new HashSet<int>();
        for (var i = 0; i < meters.Count; i++)
        {
            var m = meters[i];
            var at = $"{SectionName}:{i}";
            if (string.IsNullOrWhiteSpace(m.Device))
            {
                errors.Add($"{at}: Device is required.");
            }
            else if (!devices.Add(m.Device))
            {
                errors.Add($"{at}: device '{m.Device}' is configured twice.");
            }

            if (m.PinA < 0)
            {
                errors.Add($"{at}: PinA is required (the GPIO of reed A).");
            }

            foreach (var pin in new[] { m.PinA, m.PinB, m.TamperPin })
            {
                if (pin >= 0 && !pins.Add(pin))
                {
                    errors.Add($"{at}: GPIO {pin} is used twice.");
                }
            }

            if (m.LitresPerPulse <= 0m || decimal.Round(m.LitresPerPulse, 3) != m.LitresPerPulse)
            {
                errors.Add($"{at}: LitresPerPulse must be positive with at most 3 decimals (got {m.LitresPerPulse}).");
            }

            if (m.DebounceMs is < 0 or > 1000)
            {
                errors.Add($"{at}: DebounceMs must be 0 to 1000 (got {m.DebounceMs}).");
            }

            if (m.Interval < TimeSpan.FromMinutes(1) || TimeSpan.FromDays(1).Ticks % m.Interval.Ticks != 0)
            {
                errors.Add($"{at}: Interval must be at least 1 minute and divide a day (got {m.Interval}).");
            }
        }

        return errors;
    }
}
