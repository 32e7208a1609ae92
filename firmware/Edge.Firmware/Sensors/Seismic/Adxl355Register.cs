namespace Edge.Firmware.Sensors.Seismic;

/// <summary>ADXL355 register addresses and bits (ADXL354/ADXL355 datasheet, register map).</summary>
internal static class Adxl355Register
{
    public const byte DevIdAd = 0x00;
    public const byte DevIdMst = 0x01;
    public const byte PartId = 0x02;
    public const byte RevId = 0x03;
    public const byte Status = 0x04;
    public const byte FifoEntries = 0x05;
    public const byte Temp2 = 0x06;
    public const byte XData3 = 0x08;
    public const byte FifoData = 0x11;
    public const byte Filter = 0x28;
    public const byte FifoSamples = 0x29;
    public const byte Range = 0x2C;
    public const byte PowerCtl = 0x2D;
    public const byte Reset = 0x2F;

    /// <summary>Last address of the map.</summary>
    public const byte Last = 0x2F;

    /// <summary>Fixed identification values: DEVID_AD 0xAD, DEVID_MST 0x1D, PARTID 0xED (0o355).</summary>
    public const byte DevIdAdValue = 0xAD;
    public const byte DevIdMstValue = 0x1D;
    public const byte PartIdValue = 0xED;

    /// <summary>Writing this code to RESET resets the device like a power-on (datasheet, RESET register).</summary>
    public const byte ResetCode = 0x52;

    /// <summary>STATUS bits: DATA_RDY, FIFO_FULL, FIFO_OVR, Activity, NVM_BUSY.</summary>
    public const int StatusDataReady = 0x01;
    public const int StatusFifoFull = 0x02;
    public const int StatusFifoOverrun = 0x04;

    /// <summary>POWER_CTL: bit 0 STANDBY (1 = standby, the reset value), bit 1 TEMP_OFF, bit 2 DRDY_OFF.</summary>
    public const int PowerStandby = 0x01;

    /// <summary>RANGE bits 1:0: 01 ±2 g, 10 ±4 g, 11 ±8 g; bit 7 I2C_HS (reset value 0x81).</summary>
    public const int RangeMask = 0x03;
    public const int RangeI2cHighSpeed = 0x80;

    /// <summary>FIFO entries hold one axis each (3 per sample); the FIFO holds 96 entries.</summary>
    public const int FifoCapacityEntries = 96;

    /// <summary>In the last byte of a FIFO entry: bit 0 marks an x-axis entry, bit 1 an empty FIFO.</summary>
    public const int FifoXMarker = 0x01;
    public const int FifoEmptyMarker = 0x02;
}
