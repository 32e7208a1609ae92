namespace Edge.Gateway.Clock;

/// <summary>
/// What the gateway knows about one boot of one device's clock (firmware/FRAME.md, "Clock"): readings with
/// seq from <paramref name="BootSeq"/> to <paramref name="MaxSeq"/> were stamped by that boot's clock.
/// </summary>
/// <param name="Device">Device id.</param>
/// <param name="BootSeq">First seq of the boot.</param>
/// <param name="OffsetMs">True time − device time of the boot's unsynced clock, or null while unknown.</param>
/// <param name="Exact">True when the offset is the step the device measured at its sync; false for the gateway's estimate.</param>
/// <param name="MaxSeq">Highest seq known to belong to the boot (seen in a frame sent during it).</param>
internal sealed record ClockEpoch(string Device, long BootSeq, long? OffsetMs, bool Exact, long MaxSeq)
{
    /// <summary>True when <paramref name="seq"/> is known to have been stamped by this boot's clock.</summary>
    public bool Covers(long seq) => seq >= BootSeq && seq <= MaxSeq;
}
