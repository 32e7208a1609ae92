namespace Edge.Firmware.MBus.Master;

/// <summary>Outcomes of <see cref="MBusMaster"/> operations (constants, not an enum, to stay trivially portable).</summary>
public static class MBusMasterResult
{
    /// <summary>The slave answered as expected.</summary>
    public const int Ok = 0;

    /// <summary>Nothing arrived within the response timeout, on every attempt.</summary>
    public const int NoAnswer = 1;

    /// <summary>Bytes arrived but never formed a valid answer (checksum, length, wrong address), on every attempt.</summary>
    public const int Garbled = 2;

    /// <summary>Several slaves answered at once (more than one 0xE5, or garbled bytes after a selection).</summary>
    public const int Collision = 3;

    /// <summary>A valid frame whose application layer (EN 13757-3) did not decode; the telegram's Error says why.</summary>
    public const int DecodeError = 4;

    /// <summary>An argument was out of range (address, pattern).</summary>
    public const int InvalidArgument = 5;

    /// <summary>Name of a result code, for logs.</summary>
    public static string Name(int result)
    {
        switch (result)
        {
            case Ok: return "ok";
            case NoAnswer: return "no answer";
            case Garbled: return "garbled answer";
            case Collision: return "collision";
            case DecodeError: return "decode error";
            case InvalidArgument: return "invalid argument";
            default: return "unknown";
        }
    }
}
