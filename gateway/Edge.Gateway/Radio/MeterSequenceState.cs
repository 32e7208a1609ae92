namespace Edge.Gateway.Radio;

/// <summary>A row of <c>meter_seqs</c>: the last sequence number the gateway gave a meter and what that telegram was.</summary>
/// <param name="Device">Device id of the meter.</param>
/// <param name="LastSeq">Sequence number of its last telegram.</param>
/// <param name="LastAccess">Access number of that telegram (-1 when none).</param>
/// <param name="LastDigest">64-bit digest of that telegram's bytes.</param>
internal sealed record MeterSequenceState(string Device, long LastSeq, int LastAccess, long LastDigest);
