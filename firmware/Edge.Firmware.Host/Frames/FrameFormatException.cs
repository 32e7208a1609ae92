using System;

namespace Edge.Firmware.Frames;

/// <summary>
/// A device frame that does not follow firmware/FRAME.md. The message is one plain line saying what is
/// wrong and where, e.g. "record 2: missing seq"; it is shown to a technician, logged by the gateway and
/// sent back to the device as the MQTT 5 reason string.
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
