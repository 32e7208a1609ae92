using System.CommandLine;
using System.ComponentModel;
using Edge.Field.Flashing;

namespace Edge.Field.Cli;

/// <summary><c>edge-field flash --port /dev/ttyUSB0 [--target ESP32_S3] [--image app.bin] [--app-only] [--dry-run]</c>.</summary>
internal static class FlashCommand
{
    public static Command Create(FieldEnvironment environment)
    {
        var port = new Option<string>("--port") { Description = "Serial port of the device, e.g. /dev/ttyUSB0", Required = true };
        var target = new Option<string>("--target")
        {
            Description = "nanoFramework target (firmware image) name",
            DefaultValueFactory = _ => NanoffCommand.DefaultTarget,
        };
        var image = new Option<string?>("--image") { Description = "Application deployment image (.bin) to deploy with the firmware" };
        var appOnly = new Option<bool>("--app-only") { Description = "Deploy the --image only, leave the firmware as it is" };
        var address = new Option<string?>("--address") { Description = "Flash address of the deployment region, hex (with --app-only; found by nanoff when omitted)" };
        var fwVersion = new Option<string?>("--fw-version") { Description = "Firmware version to flash (latest stable when omitted)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the nanoff command instead of running it" };
        var command = new Command("flash", "Flash nanoFramework firmware and/or the application with nanoff")
        {
            port, target, image, appOnly, address, fwVersion, dryRun,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            environment,
            parseResult,
            new NanoffCommand
            {
                SerialPort = parseResult.GetValue(port) ?? string.Empty,
                Target = parseResult.GetValue(target) ?? NanoffCommand.DefaultTarget,
                ImagePath = parseResult.GetValue(image),
                AppOnly = parseResult.GetValue(appOnly),
                Address = parseResult.GetValue(address),
                FirmwareVersion = parseResult.GetValue(fwVersion),
            },
            parseResult.GetValue(dryRun),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        FieldEnvironment environment, ParseResult parseResult, NanoffCommand nanoff, bool dryRun, CancellationToken cancellationToken)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        var errors = nanoff.Validate().ToList();
        if (nanoff.ImagePath is not null && !File.Exists(nanoff.ImagePath))
        {
            errors.Add($"image file not found: {nanoff.ImagePath}");
        }

        if (errors.Count > 0)
        {
            foreach (var message in errors)
            {
                await error.WriteLineAsync($"error: {message}").ConfigureAwait(false);
            }

            return ExitCodes.InvalidInput;
        }

        var path = environment.Nanoff.Find();
        if (dryRun)
        {
            await output.WriteLineAsync(nanoff.ToDisplayString()).ConfigureAwait(false);
            if (path is null)
            {
                await error.WriteLineAsync($"note: nanoff is not installed; {NanoffLocator.InstallHint}").ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        }

        if (path is null)
        {
            await error.WriteLineAsync($"error: nanoff was not found on PATH or in ~/.dotnet/tools; {NanoffLocator.InstallHint}").ConfigureAwait(false);
            return ExitCodes.NanoffMissing;
        }

        await output.WriteLineAsync($"running: {nanoff.ToDisplayString(path)}").ConfigureAwait(false);
        int exitCode;
        try
        {
            exitCode = await environment.Runner.RunAsync(path, nanoff.BuildArguments(), output, error, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is Win32Exception or InvalidOperationException or IOException)
        {
            await error.WriteLineAsync($"error: could not start nanoff ({path}): {ex.Message}").ConfigureAwait(false);
            return ExitCodes.NanoffFailed;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("error: flashing was cancelled; nanoff was stopped, flash again before leaving the site").ConfigureAwait(false);
            return ExitCodes.NanoffFailed;
        }

        if (exitCode != 0)
        {
            await error.WriteLineAsync($"error: nanoff failed with exit code {exitCode} (see its output above)").ConfigureAwait(false);
            return ExitCodes.NanoffFailed;
        }

        await output.WriteLineAsync("flash done").ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
