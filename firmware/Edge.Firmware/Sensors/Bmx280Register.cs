namespace Edge.Firmware.Sensors;

/// <summary>BME280/BMP280 register addresses (BME280 datasheet BST-BME280-DS002 §5.3, BMP280 BST-BMP280-DS001 §4.3).</summary>
internal static class Bmx280Register
{
    /// <summary>First calibration register, dig_T1 LSB (0x88..0x9F: T1..P9, little-endian words).</summary>
    public const byte CalibT1 = 0x88;

    /// <summary>dig_H1 (BME280 only).</summary>
    public const byte CalibH1 = 0xA1;

    /// <summary>chip_id: 0x60 on BME280, 0x58 on BMP280.</summary>
    public const byte ChipId = 0xD0;

    /// <summary>reset: writing 0xB6 runs the power-on-reset procedure.</summary>
    public const byte Reset = 0xE0;

    /// <summary>dig_H2 LSB; 0xE1..0xE7 hold H2..H6 (BME280 only).</summary>
    public const byte CalibH2 = 0xE1;

    /// <summary>ctrl_hum: osrs_h[2:0]; takes effect after the next write to ctrl_meas (BME280 only).</summary>
    public const byte CtrlHum = 0xF2;

    /// <summary>status: measuring[3], im_update[0].</summary>
    public const byte Status = 0xF3;

    /// <summary>ctrl_meas: osrs_t[7:5], osrs_p[4:2], mode[1:0].</summary>
    public const byte CtrlMeas = 0xF4;

    /// <summary>config: t_sb[7:5], filter[4:2], spi3w_en[0].</summary>
    public const byte Config = 0xF5;

    /// <summary>press_msb; 0xF7..0xFC pressure and temperature (20 bits each), 0xFD..0xFE humidity (16 bits).</summary>
    public const byte PressMsb = 0xF7;

    /// <summary>The value written to <see cref="Reset"/> for a soft reset.</summary>
    public const byte ResetCommand = 0xB6;

    /// <summary>chip_id of the BME280.</summary>
    public const byte Bme280Id = 0x60;

    /// <summary>chip_id of the BMP280 (mass production parts; samples read 0x56/0x57).</summary>
    public const byte Bmp280Id = 0x58;
}
