namespace Edge.Gateway.Links.Iridium;

/// <summary>What <see cref="SbdReassembler.Accept"/> made of a message.</summary>
public enum SbdReassemblyStatus
{
    /// <summary>Stored; the transfer still misses fragments.</summary>
    Incomplete,

    /// <summary>The last missing fragment: the whole batch is in <see cref="SbdReassemblyResult.Body"/>.</summary>
    Complete,

    /// <summary>A fragment already held: ignored.</summary>
    Duplicate,

    /// <summary>Not a fragment (wrong marker or version, impossible index/count): ignored.</summary>
    Rejected,
}
