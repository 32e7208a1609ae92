namespace Edge.Firmware.MBus;

/// <summary>The second extension table after VIF 0xFB, EN 13757-3:2013 §6.4.3 table 13.</summary>
internal static class FbVifTable
{
    /// <summary>Sets quantity/unit/exponent for FB extension code <paramref name="code"/>; returns the time factor, 0 when reserved.</summary>
    public static int Apply(int code, MBusRecord r)
    {
        var n1 = code & 0x01;
        var n2 = code & 0x03;
        switch (code >> 1)
        {
            case 0x00: return PrimaryVifTable.Set(r, MBusQuantity.Energy, MBusUnit.WattHour, n1 + 5); // 10^(n-1) MWh
            case 0x01: return PrimaryVifTable.Set(r, MBusQuantity.ReactiveEnergy, MBusUnit.VarHour, n1 + 3); // 10^n kVARh
            case 0x04: return PrimaryVifTable.Set(r, MBusQuantity.Energy, MBusUnit.Joule, n1 + 8); // 10^(n-1) GJ
            case 0x08: return PrimaryVifTable.Set(r, MBusQuantity.Volume, MBusUnit.CubicMetre, n1 + 2); // 10^(n+2) m3
            case 0x0C: return PrimaryVifTable.Set(r, MBusQuantity.Mass, MBusUnit.Kilogram, n1 + 5); // 10^(n+2) t
            case 0x0D: return PrimaryVifTable.Set(r, MBusQuantity.RelativeHumidity, MBusUnit.Percent, n1 - 1);
            case 0x14: return PrimaryVifTable.Set(r, MBusQuantity.Power, MBusUnit.Watt, n1 + 5); // 10^(n-1) MW
            case 0x18: return PrimaryVifTable.Set(r, MBusQuantity.Power, MBusUnit.JoulePerHour, n1 + 8); // 10^(n-1) GJ/h
        }

        switch (code >> 2)
        {
            case 0x0B: return PrimaryVifTable.Set(r, MBusQuantity.Frequency, MBusUnit.Hertz, n2 - 3);
            case 0x16: return PrimaryVifTable.Set(r, MBusQuantity.FlowTemperature, MBusUnit.Fahrenheit, n2 - 3);
            case 0x17: return PrimaryVifTable.Set(r, MBusQuantity.ReturnTemperature, MBusUnit.Fahrenheit, n2 - 3);
            case 0x18: return PrimaryVifTable.Set(r, MBusQuantity.TemperatureDifference, MBusUnit.Fahrenheit, n2 - 3);
            case 0x19: return PrimaryVifTable.Set(r, MBusQuantity.ExternalTemperature, MBusUnit.Fahrenheit, n2 - 3);
            case 0x1C: return PrimaryVifTable.Set(r, MBusQuantity.TemperatureLimit, MBusUnit.Fahrenheit, n2 - 3);
            case 0x1D: return PrimaryVifTable.Set(r, MBusQuantity.TemperatureLimit, MBusUnit.Celsius, n2 - 3);
        }

        if (code >= 0x78)
        {
            return PrimaryVifTable.Set(r, MBusQuantity.MaxPowerCount, MBusUnit.Watt, (code & 0x07) - 3);
        }

        PrimaryVifTable.Set(r, MBusQuantity.Reserved, MBusUnit.None, 0);
        return 0;
    }
}
