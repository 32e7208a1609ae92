namespace Edge.Ingest.Model;

/// <summary>One normalised reading.</summary>
/// <param name="Seq">Per-device sequence number.</param>
/// <param name="Channel">What is measured, as the device names it (e.g. <c>volume</c>).</param>
/// <param name="ObservedAt">When the device observed the value (UTC).</param>
/// <param name="ReceivedAt">When the ingest received the batch carrying it (UTC).</param>
/// <param name="ClockQuality">How <paramref name="ObservedAt"/> was obtained: gnss, ntp, gateway or rtc-unsynced.</param>
/// <param name="Value">Value in <paramref name="Unit"/>.</param>
/// <param name="Unit">SI unit symbol (SenML), e.g. <c>m3</c>.</param>
/// <param name="UnitCode">UN/CEFACT Rec 20 code of the unit, e.g. <c>MTQ</c>.</param>
/// <param name="Flags">Device status flags as sent.</param>
/// <param name="DeviceObservedAt">
/// The time the device stamped, when its clock was not yet synchronised and the gateway corrected
/// <paramref name="ObservedAt"/> (clock quality <c>gateway</c>); absent otherwise.
/// </param>
/// <param name="Quarantined">The device was not registered: the reading is kept and shown, but left out of consumption.</param>
public sealed record MeterReading(
    long Seq,
    string Channel,
    DateTimeOffset ObservedAt,
    DateTimeOffset ReceivedAt,
    string ClockQuality,
    double Value,
    string Unit,
    string UnitCode,
    int Flags,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    DateTimeOffset? DeviceObservedAt = null,
    bool Quarantined = false);
