namespace Edge.Gateway.Links.Iridium;

/// <summary>Limits of the <see cref="SbdReassembler"/>.</summary>
public sealed class SbdReassemblerOptions
{
    /// <summary>A partial transfer with no new fragment for this long is dropped (the gateway resends the batch whole).</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Most partial transfers held per source (modem); beyond it the least recently fed one is dropped.</summary>
    public int MaxPartialsPerSource { get; set; } = 64;
}
