namespace Edge.Firmware.Device;

/// <summary>
/// GPIO assignment of the Edge pulse meter board on an ESP32-S3 module (ESP32-S3-DevKitC-1 pin numbers).
/// Kept clear of the strapping pins (0, 3, 45, 46), the USB pins (19, 20) and the octal PSRAM/flash pins
/// (26-37) listed in the ESP32-S3 datasheet, section 2.3 "IO Pins".
/// </summary>
public static class BoardPins
{
    /// <summary>Reed switch A of the meter's pulse output, to ground; internal pull-up.</summary>
    public const int ReedA = 4;

    /// <summary>Reed switch B (quadrature, for flow direction), to ground; internal pull-up.</summary>
    public const int ReedB = 5;

    /// <summary>Tamper loop (cable cut or housing opened) on the meter cable, to ground; internal pull-up.</summary>
    public const int Tamper = 6;

    /// <summary>I2C1 SDA: environmental sensors and the FRAM.</summary>
    public const int I2cData = 8;

    /// <summary>I2C1 SCL.</summary>
    public const int I2cClock = 9;

    /// <summary>COM2 RX: M-Bus level converter or optical read-out head.</summary>
    public const int UartRx = 17;

    /// <summary>COM2 TX.</summary>
    public const int UartTx = 18;

    /// <summary>The nanoFramework I2C bus that <see cref="I2cData"/> and <see cref="I2cClock"/> are routed to.</summary>
    public const int I2cBus = 1;

    /// <summary>The nanoFramework serial port that <see cref="UartRx"/> and <see cref="UartTx"/> are routed to.</summary>
    public const string SerialPort = "COM2";
}
