namespace Edge.Firmware.Sensors.Uart;

/// <summary>Results of the UART sensor drivers (<see cref="Pms5003"/>, <see cref="A02yyuw"/>).</summary>
public static class UartSensorStatus
{
    /// <summary>Done.</summary>
    public const int Ok = 0;

    /// <summary>No byte arrived within the timeout (unplugged, asleep, wrong baud rate).</summary>
    public const int Timeout = 1;

    /// <summary>Bytes arrived but no valid frame within the byte budget (garbage, noise, wrong device).</summary>
    public const int NoFrame = 2;

    /// <summary>The serial link threw; nothing was changed on our side.</summary>
    public const int LinkError = 3;

    /// <summary>The sensor answered a command with something else than its acknowledgement.</summary>
    public const int BadAnswer = 4;
}
