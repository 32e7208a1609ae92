namespace Edge.Firmware.MBus;

/// <summary>The first extension table after VIF 0xFD, EN 13757-3:2013 §6.4.3 table 14.</summary>
internal static class FdVifTable
{
    /// <summary>Sets quantity/unit/exponent for FD extension code <paramref name="code"/>; returns the time factor, 0 when reserved.</summary>
    public static int Apply(int code, MBusRecord r)
    {
        if (code < 0x08)
        {
            // E000 00nn credit / E000 01nn debit, 10^(nn-3) currency units.
            return PrimaryVifTable.Set(r, code < 0x04 ? MBusQuantity.Credit : MBusQuantity.Debit, MBusUnit.Currency, (code & 0x03) - 3);
        }

        if (code >= 0x40 && code < 0x50)
        {
            return PrimaryVifTable.Set(r, MBusQuantity.Voltage, MBusUnit.Volt, (code & 0x0F) - 9);
        }

        if (code >= 0x50 && code < 0x60)
        {
            return PrimaryVifTable.Set(r, MBusQuantity.Current, MBusUnit.Ampere, (code & 0x0F) - 12);
        }

        switch (code)
        {
            case 0x08: return Plain(r, MBusQuantity.AccessNumber);
            case 0x09: return Plain(r, MBusQuantity.Medium);
            case 0x0A: return Plain(r, MBusQuantity.Manufacturer);
            case 0x0B: return Plain(r, MBusQuantity.ParameterSet);
            case 0x0C: return Plain(r, MBusQuantity.ModelVersion);
            case 0x0D: return Plain(r, MBusQuantity.HardwareVersion);
            case 0x0E: return Plain(r, MBusQuantity.FirmwareVersion);
            case 0x0F: return Plain(r, MBusQuantity.SoftwareVersion);
            case 0x10: return Plain(r, MBusQuantity.CustomerLocation);
            case 0x11: return Plain(r, MBusQuantity.Customer);
            case 0x12:
            case 0x13:
            case 0x14:
            case 0x15: return Plain(r, MBusQuantity.AccessCode);
            case 0x16: return Plain(r, MBusQuantity.Password);
            case 0x17: return Plain(r, MBusQuantity.ErrorFlags);
            case 0x18: return Plain(r, MBusQuantity.ErrorMask);
            case 0x1A: return Plain(r, MBusQuantity.DigitalOutput);
            case 0x1B: return Plain(r, MBusQuantity.DigitalInput);
            case 0x1C: return Plain(r, MBusQuantity.BaudRate);
            case 0x1D: return Plain(r, MBusQuantity.ResponseDelay);
            case 0x1E: return Plain(r, MBusQuantity.Retry);
            case 0x1F: return Plain(r, MBusQuantity.RemoteControl);
            case 0x20: return Plain(r, MBusQuantity.FirstStorage);
            case 0x21: return Plain(r, MBusQuantity.LastStorage);
            case 0x22: return Plain(r, MBusQuantity.StorageBlockSize);
            case 0x24:
            case 0x25:
            case 0x26:
            case 0x27: return PrimaryVifTable.Duration(r, MBusQuantity.StorageInterval, code & 0x03);
            case 0x28: return PrimaryVifTable.Set(r, MBusQuantity.StorageInterval, MBusUnit.Month, 0);
            case 0x29: return PrimaryVifTable.Set(r, MBusQuantity.StorageInterval, MBusUnit.Year, 0);
            case 0x2C:
            case 0x2D:
            case 0x2E:
            case 0x2F: return PrimaryVifTable.Duration(r, MBusQuantity.DurationSinceReadout, code & 0x03);
            case 0x30: return Plain(r, MBusQuantity.TariffStart);
            case 0x31:
            case 0x32:
            case 0x33: return PrimaryVifTable.Duration(r, MBusQuantity.TariffDuration, code & 0x03);
            case 0x34:
            case 0x35:
            case 0x36:
            case 0x37: return PrimaryVifTable.Duration(r, MBusQuantity.TariffPeriod, code & 0x03);
            case 0x38: return PrimaryVifTable.Set(r, MBusQuantity.TariffPeriod, MBusUnit.Month, 0);
            case 0x39: return PrimaryVifTable.Set(r, MBusQuantity.TariffPeriod, MBusUnit.Year, 0);
            case 0x3A: return Plain(r, MBusQuantity.Dimensionless);
            case 0x60: return Plain(r, MBusQuantity.ResetCounter);
            case 0x61: return Plain(r, MBusQuantity.CumulationCounter);
            case 0x62: return Plain(r, MBusQuantity.ControlSignal);
            case 0x63: return Plain(r, MBusQuantity.DayOfWeek);
            case 0x64: return Plain(r, MBusQuantity.WeekNumber);
            case 0x65: return Plain(r, MBusQuantity.DayChange);
            case 0x66: return Plain(r, MBusQuantity.ParameterActivation);
            case 0x67: return Plain(r, MBusQuantity.SupplierInformation);
            case 0x68:
            case 0x69:
            case 0x6A:
            case 0x6B: return PrimaryVifTable.LongDuration(r, MBusQuantity.DurationSinceCumulation, code & 0x03);
            case 0x6C:
            case 0x6D:
            case 0x6E:
            case 0x6F: return PrimaryVifTable.LongDuration(r, MBusQuantity.BatteryOperatingTime, code & 0x03);
            case 0x70: return Plain(r, MBusQuantity.BatteryChange);
            case 0x71: return PrimaryVifTable.Set(r, MBusQuantity.RfLevel, MBusUnit.Dbm, 0);
            case 0x72: return Plain(r, MBusQuantity.DaylightSaving);
            case 0x73: return Plain(r, MBusQuantity.ListeningWindow);
            case 0x74: Plain(r, MBusQuantity.RemainingBatteryLife); r.Unit = MBusUnit.Second; return 86400; // days
            case 0x75: return Plain(r, MBusQuantity.MeterStopCount);
            case 0x76: return Plain(r, MBusQuantity.DataContainer);
            default: PrimaryVifTable.Set(r, MBusQuantity.Reserved, MBusUnit.None, 0); return 0;
        }
    }

    private static int Plain(MBusRecord r, string quantity) => PrimaryVifTable.Set(r, quantity, MBusUnit.None, 0);
}
