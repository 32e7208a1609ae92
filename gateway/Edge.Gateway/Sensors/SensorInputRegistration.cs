using System.Device.I2c;
using Edge.Gateway.Hosting;
using Edge.Gateway.Radio;
using Edge.Gateway.Sensors.Seismic;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Edge.Gateway.Sensors;

/// <summary>
/// Adds one hosted service per configured I2C sensor (<c>Edge:Gateway:Sensors:N</c>), and the thresholds their
/// values are checked against (<c>Edge:Gateway:Thresholds</c>, <see cref="SensorThresholdOptions"/>).
/// </summary>
internal static class SensorInputRegistration
{
    /// <summary>The configuration section of the sensor list.</summary>
    public const string SectionName = GatewayOptions.SectionName + ":Sensors";

    public static void AddSensorInputs(IServiceCollection services, IConfiguration configuration)
    {
        var sensors = configuration.GetSection(SectionName).Get<List<SensorInputOptions>>() ?? [];
        var errors = Validate(sensors);
        if (errors.Count > 0)
        {
            // Reported by Program like every other configuration error: one line, exit code 2.
            throw new OptionsValidationException(SectionName, typeof(SensorInputOptions), errors);
        }

        var thresholds = configuration.GetSection(SensorThresholdOptions.SectionName).Get<SensorThresholdOptions>() ?? new SensorThresholdOptions();
        var thresholdErrors = thresholds.Validate();
        if (thresholdErrors.Count > 0)
        {
            throw new OptionsValidationException(
                SensorThresholdOptions.SectionName, typeof(SensorThresholdOptions), thresholdErrors.Select(e => "Edge:Gateway:" + e));
        }

        // Device sensor nodes publish over MQTT: their readings meet the same thresholds as the Pi's own sensors.
        services.TryAddSingleton(new SensorThresholdEvaluator(thresholds));
        if (sensors.Count == 0)
        {
            return;
        }

        services.TryAddSingleton<MeterSequences>();
        services.TryAddSingleton<SensorReadingSink>();
        foreach (var sensor in sensors)
        {
            services.AddSingleton<IHostedService>(sp => new SensorInputService(
                sensor, I2cDevice.Create, sp.GetRequiredService<SensorReadingSink>(), sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<SensorInputService>>()));
        }
    }

    /// <summary>One message per invalid entry; empty when all are valid.</summary>
    public static List<string> Validate(IReadOnlyList<SensorInputOptions> sensors)
    {
        var errors = new List<string>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < sensors.Count; i++)
        {
            var s = sensors[i];
            var at = SectionName + ":" + i;
            if (string.IsNullOrWhiteSpace(s.Name) || !names.Add(s.Name))
            {
                errors.Add(at + ":Name must be set and unique");
            }

            if (!SensorKinds.IsKnown(s.Kind))
            {
                errors.Add(at + ":Kind '" + s.Kind + "' is not one of " + string.Join(", ", SensorKinds.All));
            }

            if (s.Bus < 0 || s.Address < 0 || s.Address > 0x77)
            {
                errors.Add(at + ": Bus must be >= 0 and Address a 7-bit address");
            }

            if (s.PollInterval <= TimeSpan.Zero || s.ReopenDelay <= TimeSpan.Zero)
            {
                errors.Add(at + ": PollInterval and ReopenDelay must be positive");
            }
        }

        return errors;
    }
}
