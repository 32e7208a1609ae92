using System.Device.Gpio;
using Edge.Gateway.Hosting;
using Edge.Gateway.Radio;
using Edge.Gateway.Sensors;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Edge.Gateway.Pulse;

/// <summary>Binds <c>Edge:Gateway:PulseMeters</c> and adds one <see cref="PulseMeterInputService"/> per meter.</summary>
public static class PulseMeterRegistration
{
    /// <summary>
    /// Adds the configured GPIO pulse meters. <paramref name="openController"/> opens the GPIO controller (default: the
    /// board's own, <c>new GpioController()</c>); tests pass a simulated driver's.
    /// </summary>
    /// <exception cref="OptionsValidationException">An entry is invalid (reported as a configuration error, exit code 2).</exception>
    public static void AddPulseMeters(IServiceCollection services, IConfiguration configuration, Func<GpioController>? openController = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var meters = configuration.GetSection(PulseMeterOptions.SectionName).Get<List<PulseMeterOptions>>() ?? [];
        var errors = PulseMeterOptions.Validate(meters);
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(PulseMeterOptions.SectionName, typeof(PulseMeterOptions), errors);
        }

        if (meters.Count == 0)
        {
            return;
        }

        services.TryAddSingleton<MeterSequences>();
        services.TryAddSingleton<SensorReadingSink>();
        foreach (var meter in meters)
        {
            services.AddSingleton<IHostedService>(sp => new PulseMeterInputService(
                meter, openController ?? (() => new GpioController()),
                sp.GetRequiredService<IOptions<GatewayOptions>>().Value.DataDir,
                sp.GetRequiredService<SensorReadingSink>(), sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<PulseMeterInputService>>()));
        }
    }
}
