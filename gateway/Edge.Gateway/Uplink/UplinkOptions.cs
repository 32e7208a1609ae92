namespace Edge.Gateway.Uplink;

/// <summary>Retry timing of the uplink (<c>Edge:Gateway:Uplink</c>).</summary>
public sealed class UplinkOptions
{
    /// <summary>First delay after a transient failure; it doubles with every further failure.</summary>
    public TimeSpan MinBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest delay between attempts; also the delay after a refusal (non-transient 4xx).</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Time allowed for one POST, response included.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often the uplink looks for a pending batch when nothing wakes it earlier.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
