namespace Edge.Firmware.Wisun;

/// <summary>FAIL ERxx codes (BP35A1 command reference §4.2; ER01-ER03, ER07, ER08 are reserved).</summary>
public static class SkStackFailCode
{
    /// <summary>The FAIL line had no readable ERxx code.</summary>
    public const int Unreadable = -1;

    /// <summary>ER04: command not supported.</summary>
    public const int NotSupported = 4;

    /// <summary>ER05: wrong number of arguments.</summary>
    public const int ArgumentCount = 5;

    /// <summary>ER06: invalid format or out of range.</summary>
    public const int OutOfRange = 6;

    /// <summary>ER09: UART input error.</summary>
    public const int UartInput = 9;

    /// <summary>ER10: the command was accepted but could not be executed.</summary>
    public const int ExecutionFailed = 10;
}
