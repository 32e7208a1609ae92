using Edge.Gateway.Batching;
using Edge.Gateway.Clock;
using Edge.Gateway.Control;
using Edge.Gateway.Pulse;
using Edge.Gateway.Radio;
using Edge.Gateway.Diagnostics;
using Edge.Gateway.Links;
using Edge.Gateway.Sensors;
using Edge.Gateway.Southbound;
using Edge.Gateway.Store;
using Edge.Gateway.Uplink;
using Microsoft.Extensions.Options;

namespace Edge.Gateway.Hosting;

/// <summary>
/// Builds the gateway as a generic host, for <c>Program</c>, for hw-sim (in process) and for tests.
/// Configuration, later sources winning: <c>appsettings.json</c> beside the program, the file named by
/// <c>--config /path/file.json</c>, environment variables <c>EDGE_*</c> (<c>EDGE_GATEWAY__MQTT__PORT</c> is
/// <c>Edge:Gateway:Mqtt:Port</c>), then the command line (<c>--Edge:Gateway:Mqtt:Port=1884</c>).
/// </summary>
public static class GatewayHost
{
    /// <summary>Builds the host; <c>Run()</c> it, or start and stop it yourself.</summary>
    public static IHost Build(string[] args) => CreateBuilder(args).Build();

    /// <summary>The configured builder, for callers that add or replace services (e.g. a fake <see cref="TimeProvider"/>).</summary>
    public static HostApplicationBuilder CreateBuilder(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        AddConfiguration(builder.Configuration, args);
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            o.UseUtcTimestamp = true;
        });
        SystemdRegistration.AddSystemd(builder.Services);
        AddServices(builder.Services, builder.Configuration);
        return builder;
    }

    private static void AddConfiguration(ConfigurationManager configuration, string[] args)
    {
        configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false);
        var file = ConfigFileArgument(args);
        if (file is not null)
        {
            configuration.AddJsonFile(Path.GetFullPath(file), optional: false, reloadOnChange: false);
        }

        configuration.AddInMemoryCollection(EdgeEnvironment.Read(Environment.GetEnvironmentVariables()));
        configuration.AddCommandLine(args);
    }

    private static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GatewayOptions>().Bind(configuration.GetSection(GatewayOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GatewayOptions>, GatewayOptionsValidator>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<GatewayCounters>();
        services.AddSingleton<GatewayDatabase>();
        services.AddSingleton<BatchLedger>();
        services.AddSingleton<DrainQueue>();
        services.AddSingleton<DataClassifier>();
        services.AddSingleton<ClockEpochStore>();
        services.AddSingleton<ClockCorrector>();
        services.AddSingleton<StoreExpiry>();
        services.AddSingleton<StoreLimits>();
        services.AddSingleton<ReadingWriter>();
        services.AddSingleton<PublishHandler>();
        services.AddSingleton<DeviceSettingsLedger>();
        services.AddSingleton<SeismicWindowHandler>();
        services.AddSingleton<DeviceAuthenticator>();
        services.AddSingleton<BatchSignals>();
        services.AddSingleton<BatchCutter>();
        services.AddGatewayLinks();
        services.AddSingleton(sp => new MqttBrokerService(
            sp.GetRequiredService<IOptions<GatewayOptions>>(),
            sp.GetRequiredService<PublishHandler>(),
            sp.GetRequiredService<DeviceAuthenticator>(),
            sp.GetRequiredService<IHostApplicationLifetime>(),
            sp.GetRequiredService<ILoggerFactory>()));

        // Started in this order and stopped in reverse: the store first up and last down, so commits of
        // frames still in flight when the broker stops complete before the store closes.
        services.AddHostedService(sp => sp.GetRequiredService<ReadingWriter>());
        services.AddHostedService<StoreExpiryService>();
        services.AddHostedService<BatcherService>();
        services.AddHostedService<UplinkService>();
        services.AddHostedService<CountersReporter>();
        services.AddSingleton(sp => new GatewayControl(
            sp.GetRequiredService<IOptions<GatewayOptions>>(), sp.GetRequiredService<StoreLimits>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<GatewayControl>>(), sp.GetRequiredService<Links.Routing.LinkRouter>()));
        services.AddHostedService(sp => new ControlService(
            sp.GetRequiredService<GatewayControl>(), sp.GetRequiredService<IOptions<GatewayOptions>>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ControlService>>(), sp.GetRequiredService<Links.Routing.LinkRouter>(), sp.GetRequiredService<MqttBrokerService>(),
            sp.GetService<Sensors.Seismic.SensorThresholdEvaluator>(), () => new System.Device.Gpio.GpioController()));
        HealthRegistration.AddHealth(services);
        SerialInputRegistration.AddSerialInputs(services, configuration);
        SensorInputRegistration.AddSensorInputs(services, configuration);
        PulseMeterRegistration.AddPulseMeters(services, configuration);
        services.AddHostedService(sp => sp.GetRequiredService<MqttBrokerService>());
    }

    private static string? ConfigFileArgument(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--config" && i + 1 < args.Length)
            {
                return args[i + 1];
            }

            if (args[i].StartsWith("--config=", StringComparison.Ordinal))
            {
                return args[i]["--config=".Length..];
            }
        }

        return null;
    }
}
