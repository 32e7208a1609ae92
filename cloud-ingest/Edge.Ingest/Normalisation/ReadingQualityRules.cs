using Edge.Uplink;

namespace Edge.Ingest.Normalisation;

/// <summary>
/// The quality a reading's time gives it (issue 4: "a quality flag per reading"). Combine with the register
/// classification (<see cref="Registers.RegisterClassifier"/>) by <see cref="QualityFlag.Worst"/>.
/// </summary>
public static class ReadingQualityRules
{
    /// <summary>
    /// GNSS or NTP time is good; a gateway stamp is good (the gateway keeps time, DESIGN.md "Gateway promises" 7);
    /// a device time the gateway corrected is estimated (the correction may rest on the receive time); a device clock
    /// that was never synchronised makes the time suspect.
    /// </summary>
    /// <param name="quality">Clock quality as sent.</param>
    /// <param name="correctedByGateway">True when the batch kept the device's own stamp beside a corrected time.</param>
    public static QualityFlag ForClock(ClockQuality quality, bool correctedByGateway) => quality switch
    {
        ClockQuality.Gnss or ClockQuality.Ntp => QualityFlag.Good,
        ClockQuality.Gateway when correctedByGateway => QualityFlag.Estimated(
            "The gateway corrected the device's time stamp; the observed time is its best estimate."),
        ClockQuality.Gateway => QualityFlag.Good,
        _ => QualityFlag.Suspect("The device clock was never synchronised; the observed time may be far off."),
    };
}
