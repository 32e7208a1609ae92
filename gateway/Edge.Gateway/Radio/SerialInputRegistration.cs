using System.Globalization;
using Edge.Gateway.Diagnostics;
using Edge.Gateway.Hosting;
using Microsoft.Extensions.Options;

namespace Edge.Gateway.Radio;

/// <summary>Adds one hosted service per configured serial input (<c>Edge:Gateway:Inputs:N</c>).</summary>
internal static class SerialInputRegistration
{
    public static void AddSerialInputs(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<MeterSequences>();
        services.AddSingleton<MeterReadingSink>();
        var count = configuration.GetSection(GatewayOptions.SectionName + ":Inputs").GetChildren().Count();
        for (var i = 0; i < count; i++)
        {
            var index = i;
            services.AddSingleton<IHostedService>(sp => Create(sp, index));
        }
    }

    /// <summary>The name of input <paramref name="index"/>: its Name, or <c>input{index}</c>.</summary>
    public static string NameOf(SerialInputOptions input, int index) =>
        string.IsNullOrWhiteSpace(input.Name) ? "input" + index.ToString(CultureInfo.InvariantCulture) : input.Name;

    private static IHostedService Create(IServiceProvider sp, int index)
    {
        var input = sp.GetRequiredService<IOptions<GatewayOptions>>().Value.Inputs[index];
        var name = NameOf(input, index);
        var sink = sp.GetRequiredService<MeterReadingSink>();
        var counters = sp.GetRequiredService<GatewayCounters>();
        var time = sp.GetRequiredService<TimeProvider>();
        var loggers = sp.GetRequiredService<ILoggerFactory>();
        if (input.Kind == InputKinds.WisunBroute)
        {
            var handler = new EchonetWisunHandler(input.Wisun ?? new WisunBrouteOptions(), input.PollInterval, sink, time, loggers.CreateLogger<EchonetWisunHandler>());
            return new WisunBrouteInputService(input, name, handler, time, loggers.CreateLogger<WisunBrouteInputService>());
        }

        return input.Kind switch
        {
            InputKinds.MBusMaster => new MBusMasterInputService(input, name, sink, counters, time, loggers.CreateLogger<MBusMasterInputService>()),
            InputKinds.ModbusRtu => new ModbusInputService(input, name, sink, counters, time, loggers.CreateLogger<ModbusInputService>()),
            _ => new WMBusInputService(input, name, sink, counters, time, loggers.CreateLogger<WMBusInputService>()),
        };
    }
}
