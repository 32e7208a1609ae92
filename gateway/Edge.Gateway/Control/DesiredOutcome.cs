namespace Edge.Gateway.Control;

/// <summary>What became of a desired document offered to <see cref="GatewayControl.Offer"/>.</summary>
public enum DesiredOutcome
{
    /// <summary>Valid, newer, stored and in force.</summary>
    Applied,

    /// <summary>Its version is not above the one in force: nothing changed.</summary>
    Ignored,

    /// <summary>Invalid or not applicable here: nothing changed; the reason is reported.</summary>
    Rejected,
}
