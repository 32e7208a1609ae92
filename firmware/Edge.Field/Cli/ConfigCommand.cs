using System.CommandLine;
using Edge.Field.Provisioning;
using Edge.Firmware.App;

namespace Edge.Field.Cli;

/// <summary><c>edge-field config --device-id ... --litres-per-pulse ...</c>: validated provisioning settings as JSON.</summary>
internal static class ConfigCommand
{
    public static Command Create()
    {
        var defaults = new PulseMeterConfig();
        var deviceId = new Option<string>("--device-id") { Description = "Device id, e.g. pm-000123 (MQTT username, urn:dev:ops:{id}:)", Required = true };
        var litres = new Option<decimal>("--litres-per-pulse") { Description = "The meter's pulse factor in litres (0.001..1000, e.g. 10)", Required = true };
        var interval = IntOption("--reading-interval", "Seconds between readings, on multiples of it (3600: on the hour)", defaults.ReadingIntervalSeconds);
        var debounce = IntOption("--debounce-ms", "How long a reed level must hold to count, ms", defaults.DebounceMs);
        var quadrature = BoolOption("--quadrature", "Reed B is wired for direction detection; false for single-reed meters [default: true]", defaults.Quadrature);
        var tamperHigh = BoolOption("--tamper-active-high", "The tamper input reads high when tampered [default: true]", defaults.TamperActiveHigh);
        var ring = IntOption("--ring-capacity", "Readings the node keeps while offline", defaults.RingCapacity);
        var perFrame = IntOption("--max-readings-per-frame", "Largest number of readings per frame", defaults.MaxReadingsPerFrame);
        var publishTimeout = IntOption("--publish-timeout-ms", "How long to wait for the gateway's acknowledgement, ms", defaults.PublishTimeoutMs);
        var minRetry = IntOption("--min-retry-ms", "First retry delay after a failed send, ms", defaults.MinRetryMs);
        var maxRetry = IntOption("--max-retry-ms", "Longest retry delay, ms", defaults.MaxRetryMs);
        var persist = IntOption("--persist-every-pulses", "Persist the register after at most this many pulses", defaults.PersistEveryPulses);
        var command = new Command("config", "Print validated provisioning settings for a pulse meter node as JSON")
        {
            deviceId, litres, interval, debounce, quadrature, tamperHigh, ring, perFrame, publishTimeout, minRetry, maxRetry, persist,
        };
        command.SetAction(parseResult =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            var errors = new List<string>();
            var litresError = PulseMeterConfigValidator.TryToMillilitres(parseResult.GetValue(litres), out var millilitres);
            var config = new PulseMeterConfig
            {
                DeviceId = parseResult.GetValue(deviceId) ?? string.Empty,
                MillilitresPerPulse = litresError is null ? millilitres : defaults.MillilitresPerPulse,
                ReadingIntervalSeconds = parseResult.GetValue(interval),
                DebounceMs = parseResult.GetValue(debounce),
                Quadrature = parseResult.GetValue(quadrature),
                TamperActiveHigh = parseResult.GetValue(tamperHigh),
                RingCapacity = parseResult.GetValue(ring),
                MaxReadingsPerFrame = parseResult.GetValue(perFrame),
                PublishTimeoutMs = parseResult.GetValue(publishTimeout),
                MinRetryMs = parseResult.GetValue(minRetry),
                MaxRetryMs = parseResult.GetValue(maxRetry),
                PersistEveryPulses = parseResult.GetValue(persist),
            };
            if (litresError is not null)
            {
                errors.Add(litresError);
            }

            errors.AddRange(PulseMeterConfigValidator.Validate(config));
            if (errors.Count > 0)
            {
                foreach (var message in errors)
                {
                    error.WriteLine($"error: {message}");
                }

                return ExitCodes.InvalidInput;
            }

            parseResult.InvocationConfiguration.Output.WriteLine(PulseMeterConfigJson.Serialize(config));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Option<int> IntOption(string name, string description, int defaultValue) =>
        new(name) { Description = description, DefaultValueFactory = _ => defaultValue };

    private static Option<bool> BoolOption(string name, string description, bool defaultValue) =>
        new(name) { Description = description, DefaultValueFactory = _ => defaultValue };
}
