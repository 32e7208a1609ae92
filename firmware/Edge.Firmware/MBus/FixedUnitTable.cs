namespace Edge.Firmware.MBus;

/// <summary>
/// The 6-bit unit codes of the fixed data structure (EN 1434-3:1997 table 5 / M-Bus documentation §6.2):
/// decades of Wh, J, W, J/h, m³ and m³/h, then temperature, HCA units and special codes.
/// </summary>
internal static class FixedUnitTable
{
    /// <summary>Sets quantity, unit and exponent of <paramref name="r"/> for unit code <paramref name="code"/>.</summary>
    public static void Apply(int code, MBusRecord r)
    {
        if (code >= 0x02 && code <= 0x0A)
        {
            PrimaryVifTable.Set(r, MBusQuantity.Energy, MBusUnit.WattHour, code - 0x02); // Wh .. 100 MWh
        }
        else if (code >= 0x0B && code <= 0x13)
        {
            PrimaryVifTable.Set(r, MBusQuantity.Energy, MBusUnit.Joule, code - 0x0B + 3); // kJ .. 100 GJ
        }
        else if (code >= 0x14 && code <= 0x1C)
        {
            PrimaryVifTable.Set(r, MBusQuantity.Power, MBusUnit.Watt, code - 0x14); // W .. 100 MW
        }
        else if (code >= 0x1D && code <= 0x25)
        {
            PrimaryVifTable.Set(r, MBusQuantity.Power, MBusUnit.JoulePerHour, code - 0x1D + 3); // kJ/h .. 100 GJ/h
        }
        else if (code >= 0x26 && code <= 0x2E)
        {
            PrimaryVifTable.Set(r, MBusQuantity.Volume, MBusUnit.CubicMetre, code - 0x26 - 6); // ml .. 100 m³
        }
        else if (code >= 0x2F && code <= 0x37)
        {
            PrimaryVifTable.Set(r, MBusQuantity.VolumeFlow, MBusUnit.CubicMetrePerHour, code - 0x2F - 6); // ml/h .. 100 m³/h
        }
        else if (code == 0x38)
        {
            PrimaryVifTable.Set(r, MBusQuantity.FlowTemperature, MBusUnit.Celsius, -3); // 10⁻³ °C
        }
        else if (code == 0x39)
        {
            PrimaryVifTable.Set(r, MBusQuantity.HcaUnits, MBusUnit.HcaUnits, 0);
        }
        else if (code == 0x3F)
        {
            PrimaryVifTable.Set(r, MBusQuantity.Unknown, MBusUnit.None, 0); // without units
        }
        else
        {
            // 0x00 h/m/s and 0x01 D/M/Y name no counter quantity we can scale; 0x3A-0x3D are reserved.
            PrimaryVifTable.Set(r, MBusQuantity.Reserved, MBusUnit.None, 0);
        }
    }
}
