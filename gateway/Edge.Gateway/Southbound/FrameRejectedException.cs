namespace Edge.Gateway.Southbound;

/// <summary>A device frame breaks firmware/FRAME.md; the message is the reason given to the device or the log.</summary>
internal sealed class FrameRejectedException(string reason) : Exception(reason);
