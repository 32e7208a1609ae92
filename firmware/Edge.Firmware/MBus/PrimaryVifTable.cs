namespace Edge.Firmware.MBus;

/// <summary>The primary VIF table, EN 13757-3:2013 §6.4.2 table 12 (extension bit removed).</summary>
internal static class PrimaryVifTable
{
    /// <summary>
    /// Sets quantity, unit and exponent of <paramref name="r"/> for primary VIF <paramref name="vif"/>
    /// (0x00-0x7F); returns the factor to seconds or per-hour conversion (1 when none), 0 when reserved.
    /// </summary>
    public static int Apply(int vif, MBusRecord r)
    {
        var n3 = vif & 0x07;
        var n2 = vif & 0x03;
        switch (vif >> 3)
        {
            case 0x00: return Set(r, MBusQuantity.Energy, MBusUnit.WattHour, n3 - 3);
            case 0x01: return Set(r, MBusQuantity.Energy, MBusUnit.Joule, n3);
            case 0x02: return Set(r, MBusQuantity.Volume, MBusUnit.CubicMetre, n3 - 6);
            case 0x03: return Set(r, MBusQuantity.Mass, MBusUnit.Kilogram, n3 - 3);
            case 0x04: return Duration(r, (vif & 0x04) == 0 ? MBusQuantity.OnTime : MBusQuantity.OperatingTime, n2);
            case 0x05: return Set(r, MBusQuantity.Power, MBusUnit.Watt, n3 - 3);
            case 0x06: return Set(r, MBusQuantity.Power, MBusUnit.JoulePerHour, n3);
            case 0x07: return Set(r, MBusQuantity.VolumeFlow, MBusUnit.CubicMetrePerHour, n3 - 6);
            case 0x08: Set(r, MBusQuantity.VolumeFlow, MBusUnit.CubicMetrePerHour, n3 - 7); return 60; // m3/min
            case 0x09: Set(r, MBusQuantity.VolumeFlow, MBusUnit.CubicMetrePerHour, n3 - 9); return 3600; // m3/s
            case 0x0A: return Set(r, MBusQuantity.MassFlow, MBusUnit.KilogramPerHour, n3 - 3);
            case 0x0B:
                return Set(r, (vif & 0x04) == 0 ? MBusQuantity.FlowTemperature : MBusQuantity.ReturnTemperature, MBusUnit.Celsius, n2 - 3);
            case 0x0C:
                return (vif & 0x04) == 0
                    ? Set(r, MBusQuantity.TemperatureDifference, MBusUnit.Kelvin, n2 - 3)
                    : Set(r, MBusQuantity.ExternalTemperature, MBusUnit.Celsius, n2 - 3);
            case 0x0D:
                if ((vif & 0x04) == 0)
                {
                    return Set(r, MBusQuantity.Pressure, MBusUnit.Bar, n2 - 3);
                }

                switch (n2)
                {
                    case 0: return Set(r, MBusQuantity.Date, MBusUnit.None, 0);
                    case 1: return Set(r, MBusQuantity.DateTime, MBusUnit.None, 0);
                    case 2: return Set(r, MBusQuantity.HcaUnits, MBusUnit.HcaUnits, 0);
                    default: Set(r, MBusQuantity.Reserved, MBusUnit.None, 0); return 0;
                }

            case 0x0E:
                return Duration(r, (vif & 0x04) == 0 ? MBusQuantity.AveragingDuration : MBusQuantity.ActualityDuration, n2);
            default:
                switch (vif)
                {
                    case 0x78: return Set(r, MBusQuantity.FabricationNumber, MBusUnit.None, 0);
                    case 0x79: return Set(r, MBusQuantity.EnhancedIdentification, MBusUnit.None, 0);
                    case 0x7A: return Set(r, MBusQuantity.BusAddress, MBusUnit.None, 0);
                    case 0x7C: return Set(r, MBusQuantity.PlainText, MBusUnit.None, 0);
                    case 0x7E: return Set(r, MBusQuantity.AnyVif, MBusUnit.None, 0);
                    case 0x7F: return Set(r, MBusQuantity.ManufacturerSpecific, MBusUnit.None, 0);
                    default: Set(r, MBusQuantity.Reserved, MBusUnit.None, 0); return 0;
                }
        }
    }

    /// <summary>Durations with unit code nn: 00 s, 01 min, 10 h, 11 d (§6.4.2 note on time units).</summary>
    internal static int Duration(MBusRecord r, string quantity, int nn)
    {
        Set(r, quantity, MBusUnit.Second, 0);
        switch (nn)
        {
            case 0: return 1;
            case 1: return 60;
            case 2: return 3600;
            default: return 86400;
        }
    }

    /// <summary>Durations with unit code pp: 00 h, 01 d, 10 months, 11 years (FD table battery/cumulation).</summary>
    internal static int LongDuration(MBusRecord r, string quantity, int pp)
    {
        switch (pp)
        {
            case 0: Set(r, quantity, MBusUnit.Second, 0); return 3600;
            case 1: Set(r, quantity, MBusUnit.Second, 0); return 86400;
            case 2: return Set(r, quantity, MBusUnit.Month, 0);
            default: return Set(r, quantity, MBusUnit.Year, 0);
        }
    }

    internal static int Set(MBusRecord r, string quantity, string unit, int exponent)
    {
        r.Quantity = quantity;
        r.Unit = unit;
        r.Exponent = exponent;
        return 1;
    }
}
