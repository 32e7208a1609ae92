using Edge.Gateway.Clock;
using Edge.Gateway.Radio;

namespace Edge.Gateway.Store;

/// <summary>What one device frame adds to the store: its readings and the events derived from their flags.</summary>
/// <param name="Readings">The readings, classified.</param>
/// <param name="Events">Events of their flags.</param>
internal sealed record StoredFrame(IReadOnlyList<ReadingRecord> Readings, IReadOnlyList<EventRecord> Events)
{
    /// <summary>The device boot the frame taught the gateway about (saved in the same transaction), or null.</summary>
    public ClockEpoch? Epoch { get; init; }

    /// <summary>True when the boot's offset became known or exact: its stored, unsent readings are corrected again.</summary>
    public bool EpochRefined { get; init; }

    /// <summary>The sequence state of a meter the gateway reads itself (saved in the same transaction), or null.</summary>
    public MeterSequenceState? MeterSequence { get; init; }
}
