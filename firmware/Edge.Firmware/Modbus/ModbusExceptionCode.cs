namespace Edge.Firmware.Modbus;

/// <summary>Exception codes of an exception response (MODBUS Application Protocol V1.1b3 §7).</summary>
public static class ModbusExceptionCode
{
    /// <summary>01: the function code is not supported by the server.</summary>
    public const int IllegalFunction = 0x01;

    /// <summary>02: the data address (or address + quantity) is not allowed.</summary>
    public const int IllegalDataAddress = 0x02;

    /// <summary>03: a value in the request is not allowed (e.g. quantity out of range).</summary>
    public const int IllegalDataValue = 0x03;

    /// <summary>04: an unrecoverable error occurred while the server performed the action.</summary>
    public const int ServerDeviceFailure = 0x04;

    /// <summary>05: accepted, but processing takes long; poll again later.</summary>
    public const int Acknowledge = 0x05;

    /// <summary>06: the server is busy with a long command; retry later.</summary>
    public const int ServerDeviceBusy = 0x06;

    /// <summary>08: parity error in extended memory (file records).</summary>
    public const int MemoryParityError = 0x08;

    /// <summary>0A: a gateway could not allocate a path to the target.</summary>
    public const int GatewayPathUnavailable = 0x0A;

    /// <summary>0B: a gateway got no response from the target device.</summary>
    public const int GatewayTargetFailedToRespond = 0x0B;

    /// <summary>The specification's name of <paramref name="code"/>, for logs.</summary>
    public static string Name(int code)
    {
        switch (code)
        {
            case IllegalFunction: return "illegal function (01)";
            case IllegalDataAddress: return "illegal data address (02)";
            case IllegalDataValue: return "illegal data value (03)";
            case ServerDeviceFailure: return "server device failure (04)";
            case Acknowledge: return "acknowledge (05)";
            case ServerDeviceBusy: return "server device busy (06)";
            case MemoryParityError: return "memory parity error (08)";
            case GatewayPathUnavailable: return "gateway path unavailable (0A)";
            case GatewayTargetFailedToRespond: return "gateway target device failed to respond (0B)";
            default: return "unknown exception code " + code.ToString();
        }
    }
}
