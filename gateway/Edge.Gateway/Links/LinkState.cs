namespace Edge.Gateway.Links;

/// <summary>A link's health as last observed.</summary>
public enum LinkState
{
    /// <summary>Nothing sent yet.</summary>
    Unknown,

    /// <summary>The last attempt succeeded.</summary>
    Up,

    /// <summary>The last attempt failed.</summary>
    Down,
}
