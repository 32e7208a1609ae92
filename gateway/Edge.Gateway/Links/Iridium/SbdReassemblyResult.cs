namespace Edge.Gateway.Links.Iridium;

/// <summary>The outcome of accepting one message.</summary>
/// <param name="Status">What happened.</param>
/// <param name="TransferId">The fragment's transfer id (0 when rejected).</param>
/// <param name="Body">The reassembled batch when <paramref name="Status"/> is <see cref="SbdReassemblyStatus.Complete"/>.</param>
public sealed record SbdReassemblyResult(SbdReassemblyStatus Status, ushort TransferId, byte[]? Body = null);
