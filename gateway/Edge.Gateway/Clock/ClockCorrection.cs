using Edge.Gateway.Store;

namespace Edge.Gateway.Clock;

/// <summary>A frame's readings after clock correction, and the device boot to record with them.</summary>
/// <param name="Readings">The readings, unsynced ones corrected where the offset is known.</param>
/// <param name="Epoch">The boot the frame was sent in, to persist in the same transaction; null when the frame says nothing of it.</param>
/// <param name="Refined">True when this frame made the boot's offset known or exact: stored, unsent readings of the boot are corrected again.</param>
internal sealed record ClockCorrection(IReadOnlyList<ReadingRecord> Readings, ClockEpoch? Epoch, bool Refined);
