using System.Globalization;

namespace Edge.Gateway.Radio;

/// <summary>Checks <c>Edge:Gateway:Inputs</c>, naming each problem (part of the gateway's options validation).</summary>
internal static class SerialInputValidation
{
    public static void Validate(List<string> errors, IReadOnlyList<SerialInputOptions> inputs)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var key = $"Edge:Gateway:Inputs:{i}";
            if (!InputKinds.All.Contains(input.Kind, StringComparer.Ordinal))
            {
                errors.Add($"{key}:Kind '{input.Kind}' is not one of {string.Join(", ", InputKinds.All)}");
            }

            if (string.IsNullOrWhiteSpace(input.Port))
            {
                errors.Add($"{key}:Port is required (e.g. /dev/ttyUSB0)");
            }

            if (input.Baud < 0)
            {
                errors.Add($"{key}:Baud must be 0 (the kind's usual speed) or positive");
            }

            if (!names.Add(SerialInputRegistration.NameOf(input, i)))
            {
                errors.Add($"{key}:Name '{input.Name}' is used twice");
            }

            if (input.ReopenDelay <= TimeSpan.Zero)
            {
                errors.Add($"{key}:ReopenDelay must be positive");
            }

            ValidateMeters(errors, key, input);
            if (input.Kind == InputKinds.MBusMaster)
            {
                ValidateMaster(errors, key, input);
            }
            else if (input.Kind == InputKinds.WisunBroute)
            {
                ValidateWisun(errors, key, input);
            }
            else if (input.Kind == InputKinds.ModbusRtu)
            {
                ModbusInputValidation.Validate(errors, key, input);
            }
        }
    }

    private static void ValidateMeters(List<string> errors, string key, SerialInputOptions input)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var k = 0; k < input.Keys.Count; k++)
        {
            var meter = input.Keys[k];
            if (!MeterDirectory.TryParseId(meter.Id, out _, out _))
            {
                errors.Add($"{key}:Keys:{k}:Id '{meter.Id}' is not MFR-12345678 or 12345678");
            }
            else if (!seen.Add(meter.Id))
            {
                errors.Add($"{key}:Keys:{k}:Id '{meter.Id}' is listed twice");
            }

            if (!string.IsNullOrEmpty(meter.Key) && (meter.Key.Length != 32 || !meter.Key.All(char.IsAsciiHexDigit)))
            {
                errors.Add($"{key}:Keys:{k}:Key must be 32 hex digits (AES-128) or empty");
            }
        }
    }

    private static void ValidateMaster(List<string> errors, string key, SerialInputOptions input)
    {
        if (input.PollInterval <= TimeSpan.Zero)
        {
            errors.Add($"{key}:PollInterval must be positive");
        }

        if (input.Retries is < 0 or > 10)
        {
            errors.Add($"{key}:Retries must be 0..10");
        }

        if (input.ResponseTimeout < TimeSpan.Zero)
        {
            errors.Add($"{key}:ResponseTimeout must not be negative");
        }

        foreach (var address in input.PrimaryAddresses.Where(a => a is < 1 or > 250))
        {
            errors.Add($"{key}:PrimaryAddresses: {address} is not 1..250");
        }

        foreach (var address in input.SecondaryAddresses.Where(a => a.Length != 8 || !a.All(char.IsAsciiDigit)
            || !uint.TryParse(a, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out _)))
        {
            errors.Add($"{key}:SecondaryAddresses: '{address}' is not 8 digits");
        }

        if (input.PrimaryAddresses.Count == 0 && input.SecondaryAddresses.Count == 0 && !input.Search)
        {
            errors.Add($"{key}: an mbus-master input needs PrimaryAddresses, SecondaryAddresses or Search");
        }
    }

    private static void ValidateWisun(List<string> errors, string key, SerialInputOptions input)
    {
        var wisun = input.Wisun;
        if (wisun is null)
        {
            errors.Add($"{key}:Wisun (Password, RouteBId) is required for a wisun-broute input");
            return;
        }

        if (wisun.Password.Length is < 1 or > 32 || !wisun.Password.All(c => c is > ' ' and <= '~'))
        {
            errors.Add($"{key}:Wisun:Password must be 1..32 printable ASCII characters");
        }

        if (wisun.RouteBId.Length != 32 || !wisun.RouteBId.All(c => c is > ' ' and <= '~'))
        {
            errors.Add($"{key}:Wisun:RouteBId must be 32 printable ASCII characters");
        }

        if (!string.Equals(wisun.Module, "bp35a1", StringComparison.OrdinalIgnoreCase) && !string.Equals(wisun.Module, "bp35c0", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"{key}:Wisun:Module '{wisun.Module}' is not bp35a1 or bp35c0");
        }

        if (wisun.ScanDurationFirst is < 0 or > 14 || wisun.ScanDurationMax is < 0 or > 14 || wisun.ScanDurationFirst > wisun.ScanDurationMax)
        {
            errors.Add($"{key}:Wisun:ScanDurationFirst..ScanDurationMax must be within 0..14 and in order");
        }

        if (wisun.AnswerTimeout <= TimeSpan.Zero || wisun.RejoinDelay <= TimeSpan.Zero || input.PollInterval <= TimeSpan.Zero)
        {
            errors.Add($"{key}:Wisun:AnswerTimeout, Wisun:RejoinDelay and PollInterval must be positive");
        }

        if (wisun.MeterEoj.Length > 0 && !WisunBrouteOptions.TryParseEoj(wisun.MeterEoj, out _))
        {
            errors.Add($"{key}:Wisun:MeterEoj '{wisun.MeterEoj}' is not six hex digits of a meter object (0281II, 0282II, 0288II)");
        }

        if (wisun.HistoryDays is < 0 or > 99 || wisun.RetryDelay <= TimeSpan.Zero)
        {
            errors.Add($"{key}:Wisun:HistoryDays must be 0..99 and Wisun:RetryDelay positive");
        }

        if (wisun.StatusReminder < TimeSpan.Zero)
        {
            errors.Add($"{key}:Wisun:StatusReminder must not be negative");
        }
    }
}
