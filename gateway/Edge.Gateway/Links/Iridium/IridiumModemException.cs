namespace Edge.Gateway.Links.Iridium;

/// <summary>
/// A modem command failed. The one exception type the driver lets out: I/O errors, timeouts and malformed answers
/// are translated into it at the serial seam.
/// </summary>
public sealed class IridiumModemException : Exception
{
    /// <summary>Creates the exception.</summary>
    public IridiumModemException(IridiumModemErrorKind kind, string message, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
    }

    /// <summary>Creates an exception of kind <see cref="IridiumModemErrorKind.Protocol"/>.</summary>
    public IridiumModemException()
        : this(IridiumModemErrorKind.Protocol, "modem protocol error")
    {
    }

    /// <summary>Creates an exception of kind <see cref="IridiumModemErrorKind.Protocol"/>.</summary>
    public IridiumModemException(string message)
        : this(IridiumModemErrorKind.Protocol, message)
    {
    }

    /// <summary>Creates an exception of kind <see cref="IridiumModemErrorKind.Protocol"/>.</summary>
    public IridiumModemException(string message, Exception innerException)
        : this(IridiumModemErrorKind.Protocol, message, innerException)
    {
    }

    /// <summary>What went wrong.</summary>
    public IridiumModemErrorKind Kind { get; }
}
