using Edge.Firmware.Modbus;

namespace Edge.Gateway.Radio;

/// <summary>Checks a <c>modbus-rtu</c> input: line settings, slaves, identities and register maps.</summary>
internal static class ModbusInputValidation
{
    public static void Validate(List<string> errors, string key, SerialInputOptions input)
    {
        if (input.PollInterval <= TimeSpan.Zero)
        {
            errors.Add($"{key}:PollInterval must be positive");
        }

        if (input.Retries is < 0 or > 10)
        {
            errors.Add($"{key}:Retries must be 0..10");
        }

        if (input.ResponseTimeout < TimeSpan.Zero || input.ResponseTimeout > TimeSpan.FromSeconds(30))
        {
            errors.Add($"{key}:ResponseTimeout must be 0 (1 s) .. 00:00:30");
        }

        if (ParityOf(input.Parity) < 0)
        {
            errors.Add($"{key}:Parity '{input.Parity}' is not even, odd or none");
        }

        if (input.StopBits is < 0 or > 2)
        {
            errors.Add($"{key}:StopBits must be 0 (by parity), 1 or 2");
        }

        if (input.Slaves.Count == 0)
        {
            errors.Add($"{key}: a modbus-rtu input needs Slaves");
        }

        ModbusMap.Build(input.Registers, key + ":Registers", errors);
        var addresses = new HashSet<int>();
        for (var k = 0; k < input.Slaves.Count; k++)
        {
            ValidateSlave(errors, $"{key}:Slaves:{k}", input, input.Slaves[k], addresses);
        }
    }

    /// <summary>Parity for <see cref="ModbusRtuMaster.Configure"/>: 0 none, 1 odd, 2 even; -1 unknown.</summary>
    public static int ParityOf(string parity) => parity switch
    {
        "none" => 0,
        "odd" => 1,
        "even" => 2,
        _ => -1,
    };

    private static void ValidateSlave(List<string> errors, string key, SerialInputOptions input, ModbusSlaveOptions slave, HashSet<int> addresses)
    {
        if (slave.Address is < 1 or > ModbusRtuMaster.MaxSlaveAddress)
        {
            errors.Add($"{key}:Address {slave.Address} is not 1..247");
        }
        else if (!addresses.Add(slave.Address))
        {
            errors.Add($"{key}:Address {slave.Address} is listed twice");
        }

        if (slave.Id.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            errors.Add($"{key}:Id must not contain spaces or control characters");
        }

        if (slave.Id.Contains("{serial}", StringComparison.Ordinal) && slave.SerialRegister is null)
        {
            errors.Add($"{key}:Id uses {{serial}} but no SerialRegister is configured");
        }

        if (slave.SerialRegister is { } serial)
        {
            var type = ModbusRegisterType.Parse(serial.Type);
            if (ModbusTable.Parse(serial.Table) < 0 || (type != ModbusRegisterType.UInt16 && type != ModbusRegisterType.UInt32)
                || ModbusWordOrder.Parse(serial.WordOrder) < 0 || serial.Address < 0 || serial.Address + (type == ModbusRegisterType.UInt32 ? 2 : 1) > 0x10000)
            {
                errors.Add($"{key}:SerialRegister must have Table holding/input, Type uint16/uint32, WordOrder ABCD/CDAB/BADC/DCBA and an Address 0..65535");
            }
        }

        if (slave.Registers.Count == 0 && input.Registers.Count == 0)
        {
            errors.Add($"{key}: no Registers, and the input has none for its slaves");
        }

        ModbusMap.Build(slave.Registers, key + ":Registers", errors);
    }
}
