namespace Edge.Field.Decoding;

/// <summary>
/// A device frame that does not follow firmware/FRAME.md. The message is one plain line meant for a
/// technician, e.g. "record 2: missing seq".
/// </summary>
public sealed class FrameFormatException : Exception
{
    /// <summary>Creates an exception with the default message.</summary>
    public FrameFormatException()
        : base("malformed frame")
    {
    }

    /// <summary>Creates an exception with a one-line reason.</summary>
    public FrameFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a one-line reason and the error that revealed it.</summary>
    public FrameFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
