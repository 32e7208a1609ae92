using System;
using Edge.Firmware.Hardware;

namespace Edge.Firmware.Sensors.Seismic;

/// <summary>
/// ADXL355 3-axis accelerometer behind an <see cref="IRegisterBus"/> (I2C form: the first byte written is the
/// register address, reads auto-increment except at FIFO_DATA; an SPI adapter turns it into address·2+R/W).
/// Checks the identification registers, sets range, output data rate / low-pass and high-pass, and reads
/// the 20-bit two's complement samples from the data registers or the 96-entry FIFO.
/// </summary>
/// <remarks>
/// A bus failure (the adapter throws on NACK) becomes <see cref="Adxl355Status.BusError"/>; nothing throws
/// to the caller. No allocation after construction.
/// </remarks>
public sealed class Adxl355
{
    /// <summary>RANGE code ±2 g: 256,000 LSB/g (3.9 µg/LSB).</summary>
    public const int Range2G = 1;

    /// <summary>RANGE code ±4 g: 128,000 LSB/g.</summary>
    public const int Range4G = 2;

    /// <summary>RANGE code ±8 g: 64,000 LSB/g.</summary>
    public const int Range8G = 3;

    /// <summary>FILTER ODR_LPF code for 125 Hz output data rate (low-pass corner ODR/4 = 31.25 Hz).</summary>
    public const int Odr125Hz = 5;

    /// <summary>FILTER HPF_CORNER code 0: high-pass filter off (the JMA filter on the gateway does the low cut).</summary>
    public const int HighPassOff = 0;

    private const int BytesPerSample = 9;

    private readonly IRegisterBus _bus;
    private readonly byte[] _tx = new byte[2];
    private readonly byte[] _rx = new byte[Adxl355Register.FifoCapacityEntries * 3];
    private int _range;
    private int _odr;

    /// <summary>Creates the driver; nothing is sent until <see cref="Start"/>.</summary>
    public Adxl355(IRegisterBus bus)
    {
        _bus = bus;
    }

    /// <summary>True after a successful <see cref="Start"/>.</summary>
    public bool Started { get; private set; }

    /// <summary>LSB per g of the configured range (256,000 at ±2 g); 0 before <see cref="Start"/>.</summary>
    public int LsbPerG => _range > 0 ? 256000 >> (_range - 1) : 0;

    /// <summary>Output data rate in mHz of the configured ODR code (4,000 Hz halved per code step).</summary>
    public int OdrMilliHz => 4000000 >> _odr;

    /// <summary>The 20-bit two's complement value of a data register triple (bits 19:12, 11:4, 3:0 in the high nibble).</summary>
    public static int Decode20(byte high, byte middle, byte low)
    {
        var raw = (high << 12) | (middle << 4) | (low >> 4);
        return (raw & 0x80000) != 0 ? raw - 0x100000 : raw;
    }

    /// <summary>Checks the device, puts it in standby, writes RANGE and FILTER, checks them, starts measuring.</summary>
    /// <param name="range"><see cref="Range2G"/>, <see cref="Range4G"/> or <see cref="Range8G"/>.</param>
    /// <param name="odrCode">FILTER ODR_LPF code 0 (4,000 Hz) … 10 (3.906 Hz).</param>
    /// <param name="highPassCode">FILTER HPF_CORNER code 0 (off) … 6.</param>
    public int Start(int range, int odrCode, int highPassCode)
    {
        Started = false;
        if (range < Range2G || range > Range8G || odrCode < 0 || odrCode > 10 || highPassCode < 0 || highPassCode > 6)
        {
            return Adxl355Status.InvalidArgument;
        }

        try
        {
            ReadRegisters(Adxl355Register.DevIdAd, 3);
            if (_rx[0] != Adxl355Register.DevIdAdValue || _rx[1] != Adxl355Register.DevIdMstValue || _rx[2] != Adxl355Register.PartIdValue)
            {
                return Adxl355Status.WrongDevice;
            }

            // Range and filter may only change in standby (datasheet, POWER_CTL).
            WriteRegister(Adxl355Register.PowerCtl, Adxl355Register.PowerStandby);
            var rangeValue = Adxl355Register.RangeI2cHighSpeed | range;
            var filterValue = (highPassCode << 4) | odrCode;
            WriteRegister(Adxl355Register.Range, rangeValue);
            WriteRegister(Adxl355Register.Filter, filterValue);
            ReadRegisters(Adxl355Register.Filter, 1);
            var filterBack = _rx[0];
            ReadRegisters(Adxl355Register.Range, 1);
            if (filterBack != filterValue || (_rx[0] & 0x83) != rangeValue)
            {
                return Adxl355Status.ReadbackMismatch;
            }

            // Measurement mode, temperature and DRDY on.
            WriteRegister(Adxl355Register.PowerCtl, 0x00);
            _range = range;
            _odr = odrCode;
            Started = true;
            return Adxl355Status.Ok;
        }
        catch (Exception)
        {
            return Adxl355Status.BusError;
        }
    }

    /// <summary>Puts the device in standby (the lowest current, about 21 µA).</summary>
    public int Standby()
    {
        Started = false;
        try
        {
            WriteRegister(Adxl355Register.PowerCtl, Adxl355Register.PowerStandby);
            return Adxl355Status.Ok;
        }
        catch (Exception)
        {
            return Adxl355Status.BusError;
        }
    }

    /// <summary>Software reset (RESET = 0x52): every register back to its power-on value, standby.</summary>
    public int Reset()
    {
        Started = false;
        try
        {
            WriteRegister(Adxl355Register.Reset, Adxl355Register.ResetCode);
            return Adxl355Status.Ok;
        }
        catch (Exception)
        {
            return Adxl355Status.BusError;
        }
    }

    /// <summary>Reads the latest sample from XDATA3 … ZDATA1 (one burst, so the three axes belong together).</summary>
    /// <param name="xyz">Receives x, y, z in LSB at indexes 0, 1, 2.</param>
    public int ReadLatest(int[] xyz)
    {
        if (!Started)
        {
            return Adxl355Status.NotStarted;
        }

        try
        {
            ReadRegisters(Adxl355Register.XData3, BytesPerSample);
        }
        catch (Exception)
        {
            return Adxl355Status.BusError;
        }

        xyz[0] = Decode20(_rx[0], _rx[1], _rx[2]);
        xyz[1] = Decode20(_rx[3], _rx[4], _rx[5]);
        xyz[2] = Decode20(_rx[6], _rx[7], _rx[8]);
        return Adxl355Status.Ok;
    }

    /// <summary>
    /// Reads the whole samples in the FIFO (at most <paramref name="capacity"/>) into the arrays from
    /// <paramref name="offset"/>; <paramref name="count"/> receives how many. Returns
    /// <see cref="Adxl355Status.FifoOverrun"/> (samples lost before these, the ones read are good) or
    /// <see cref="Adxl355Status.FifoMisaligned"/> (FIFO emptied; the samples before the fault are good).
    /// </summary>
    public int ReadFifo(int[] x, int[] y, int[] z, int offset, int capacity, out int count)
    {
        count = 0;
        if (!Started)
        {
            return Adxl355Status.NotStarted;
        }

        int status;
        int entries;
        try
        {
            // STATUS and FIFO_ENTRIES are adjacent; reading STATUS clears FIFO_OVR.
            ReadRegisters(Adxl355Register.Status, 2);
            status = _rx[0];
            entries = _rx[1] & 0x7F;
            var samples = entries / 3;
            if (samples > capacity)
            {
                samples = capacity;
            }

            if (samples > 0)
            {
                ReadRegisters(Adxl355Register.FifoData, samples * BytesPerSample);
            }

            for (var s = 0; s < samples; s++)
            {
                var b = s * BytesPerSample;
                if ((_rx[b + 2] & Adxl355Register.FifoXMarker) == 0 || (_rx[b + 5] & Adxl355Register.FifoXMarker) != 0
                    || (_rx[b + 8] & Adxl355Register.FifoXMarker) != 0
                    || ((_rx[b + 2] | _rx[b + 5] | _rx[b + 8]) & Adxl355Register.FifoEmptyMarker) != 0)
                {
                    Drain();
                    return Adxl355Status.FifoMisaligned;
                }

                x[offset + count] = Decode20(_rx[b], _rx[b + 1], _rx[b + 2]);
                y[offset + count] = Decode20(_rx[b + 3], _rx[b + 4], _rx[b + 5]);
                z[offset + count] = Decode20(_rx[b + 6], _rx[b + 7], _rx[b + 8]);
                count++;
            }
        }
        catch (Exception)
        {
            return Adxl355Status.BusError;
        }

        return (status & Adxl355Register.StatusFifoOverrun) != 0 ? Adxl355Status.FifoOverrun : Adxl355Status.Ok;
    }

    // Reads every entry left so that the next sample starts on an x entry again.
    private void Drain()
    {
        ReadRegisters(Adxl355Register.FifoEntries, 1);
        var entries = _rx[0] & 0x7F;
        if (entries > 0)
        {
            ReadRegisters(Adxl355Register.FifoData, entries * 3);
        }
    }

    private void WriteRegister(byte register, int value)
    {
        _tx[0] = register;
        _tx[1] = (byte)value;
        _bus.Write(_tx, 0, 2);
    }

    private void ReadRegisters(byte register, int count)
    {
        _tx[0] = register;
        _bus.WriteRead(_tx, 0, 1, _rx, 0, count);
    }
}
