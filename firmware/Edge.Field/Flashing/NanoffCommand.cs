using System.Text.RegularExpressions;

namespace Edge.Field.Flashing;

/// <summary>
/// The command line for nanoFramework's firmware flasher (<c>nanoff</c>) that <c>edge-field flash</c> runs:
/// <list type="bullet">
/// <item>no image: update the firmware, <c>--target T --serialport P --update [--fwversion V]</c>;</item>
/// <item>an image: update the firmware and deploy the application, <c>... --update --image I</c>;</item>
/// <item>an image, application only: <c>--target T --serialport P --deploy --image I [--address A]</c>.</item>
/// </list>
/// </summary>
public sealed partial class NanoffCommand
{
    /// <summary>The target used when none is given: the ESP32-S3 board the pulse meter node runs on.</summary>
    public const string DefaultTarget = "ESP32_S3";

    /// <summary>The nanoFramework target name (firmware image), e.g. ESP32_S3.</summary>
    public string Target { get; init; } = DefaultTarget;

    /// <summary>The serial port the device is on, e.g. /dev/ttyUSB0 or COM3.</summary>
    public required string SerialPort { get; init; }

    /// <summary>The application deployment image (.bin from the nanoFramework build), or null.</summary>
    public string? ImagePath { get; init; }

    /// <summary>Deploy the image only and leave the firmware as it is.</summary>
    public bool AppOnly { get; init; }

    /// <summary>Flash address of the deployment region (application only; nanoff finds it when omitted).</summary>
    public string? Address { get; init; }

    /// <summary>Firmware version to flash (firmware update only; latest stable when omitted).</summary>
    public string? FirmwareVersion { get; init; }

    /// <summary>What is wrong with the settings, in plain words; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(SerialPort))
        {
            errors.Add("serial port must not be empty (e.g. --port /dev/ttyUSB0)");
        }

        if (!TargetPattern().IsMatch(Target))
        {
            errors.Add($"target must be a nanoFramework target name such as ESP32_S3 (got \"{Target}\")");
        }

        if (AppOnly && ImagePath is null)
        {
            errors.Add("--app-only needs an application image (--image path.bin)");
        }

        if (Address is not null && !AppOnly)
        {
            errors.Add("--address only applies with --app-only (a firmware update places the application itself)");
        }

        if (Address is not null && !AddressPattern().IsMatch(Address))
        {
            errors.Add($"address must be hexadecimal like 0x190000 (got \"{Address}\")");
        }

        if (FirmwareVersion is not null && AppOnly)
        {
            errors.Add("--fw-version does not apply with --app-only (the firmware is not touched)");
        }

        if (FirmwareVersion is not null && !VersionPattern().IsMatch(FirmwareVersion))
        {
            errors.Add($"firmware version must look like 1.12.0.32 (got \"{FirmwareVersion}\")");
        }

        return errors;
    }

    /// <summary>The arguments for nanoff, one per element (no quoting needed).</summary>
    public IReadOnlyList<string> BuildArguments()
    {
        var args = new List<string> { "--target", Target, "--serialport", SerialPort };
        if (AppOnly)
        {
            args.Add("--deploy");
        }
        else
        {
            args.Add("--update");
            if (FirmwareVersion is not null)
            {
                args.AddRange(["--fwversion", FirmwareVersion]);
            }
        }

        if (ImagePath is not null)
        {
            args.AddRange(["--image", ImagePath]);
        }

        if (Address is not null)
        {
            args.AddRange(["--address", Address]);
        }

        return args;
    }

    /// <summary>The command as a technician would type it in a POSIX shell, for <c>--dry-run</c>.</summary>
    public string ToDisplayString(string program = "nanoff") =>
        string.Join(" ", new[] { program }.Concat(BuildArguments()).Select(Quote));

    private static string Quote(string arg) =>
        arg.Length > 0 && SafePattern().IsMatch(arg) ? arg : "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    [GeneratedRegex("^[A-Z0-9_]{2,64}$")]
    private static partial Regex TargetPattern();

    [GeneratedRegex("^0[xX][0-9A-Fa-f]{1,8}$")]
    private static partial Regex AddressPattern();

    [GeneratedRegex(@"^\d+(\.\d+){1,3}$")]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_@%+=:,./-]+$")]
    private static partial Regex SafePattern();
}
