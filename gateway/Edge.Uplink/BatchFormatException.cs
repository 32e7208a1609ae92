namespace Edge.Uplink;

/// <summary>An encoded or JSON batch is malformed; the message says what and where.</summary>
public sealed class BatchFormatException : Exception
{
    public BatchFormatException(string message) : base(message) { }

    public BatchFormatException(string message, Exception inner) : base(message, inner) { }

    public BatchFormatException() { }
}
