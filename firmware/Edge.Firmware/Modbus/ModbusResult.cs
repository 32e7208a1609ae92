namespace Edge.Firmware.Modbus;

/// <summary>Outcomes of <see cref="ModbusRtuMaster"/> requests (constants, not an enum, to stay trivially portable).</summary>
public static class ModbusResult
{
    /// <summary>A valid reply arrived (or a broadcast was sent).</summary>
    public const int Ok = 0;

    /// <summary>No byte arrived within the response timeout, on every attempt.</summary>
    public const int NoAnswer = 1;

    /// <summary>A reply arrived whose CRC did not match, on the last attempt.</summary>
    public const int CrcError = 2;

    /// <summary>A reply stopped early (a gap longer than the inter-character timeout) or ran on past its length (§2.5.1.1).</summary>
    public const int Framing = 3;

    /// <summary>A reply with a valid CRC came from another slave address.</summary>
    public const int WrongSlave = 4;

    /// <summary>A reply with a valid CRC did not match the request: other function, byte count, or a write not echoed.</summary>
    public const int Mismatch = 5;

    /// <summary>The slave answered with an exception response; <see cref="ModbusRtuMaster.LastExceptionCode"/> says which.</summary>
    public const int SlaveException = 6;

    /// <summary>An argument was out of range (slave address, register address, quantity); nothing was sent.</summary>
    public const int InvalidArgument = 7;

    /// <summary>True for outcomes a repetition may cure (lost or damaged on the line).</summary>
    public static bool IsTransient(int result) =>
        result == NoAnswer || result == CrcError || result == Framing || result == WrongSlave;

    /// <summary>Name of a result code, for logs.</summary>
    public static string Name(int result)
    {
        switch (result)
        {
            case Ok: return "ok";
            case NoAnswer: return "no answer";
            case CrcError: return "CRC error";
            case Framing: return "framing error";
            case WrongSlave: return "reply from another slave";
            case Mismatch: return "reply does not match the request";
            case SlaveException: return "exception response";
            case InvalidArgument: return "invalid argument";
            default: return "unknown";
        }
    }
}
