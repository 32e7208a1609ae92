namespace Edge.Firmware.Sensors.Seismic;

/// <summary>Results of <see cref="Adxl355"/> and <see cref="SeismicSampler"/> operations.</summary>
public static class Adxl355Status
{
    /// <summary>Done.</summary>
    public const int Ok = 0;

    /// <summary>The bus failed (NACK, SPI error): the adapter threw. Nothing was changed on our side.</summary>
    public const int BusError = 1;

    /// <summary>The identification registers do not read DEVID_AD 0xAD, DEVID_MST 0x1D, PARTID 0xED.</summary>
    public const int WrongDevice = 2;

    /// <summary>A configuration register did not read back what was written.</summary>
    public const int ReadbackMismatch = 3;

    /// <summary>The FIFO overran (FIFO_OVR): samples were lost before this read.</summary>
    public const int FifoOverrun = 4;

    /// <summary>A FIFO sample did not start with an x-axis entry; the FIFO was emptied to realign.</summary>
    public const int FifoMisaligned = 5;

    /// <summary>The driver was not started (or its start failed).</summary>
    public const int NotStarted = 6;

    /// <summary>The output has not changed on any axis for longer than a live sensor's noise allows.</summary>
    public const int Stuck = 7;

    /// <summary>An argument is out of its range; nothing was sent.</summary>
    public const int InvalidArgument = 8;
}
