using Edge.Gateway.Hosting;
using Edge.Gateway.Radio;
using Edge.Gateway.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.Gateway.Tests.Radio;

/// <summary>
/// The ECHONET Lite handler's bookkeeping, fed as the firmware poller feeds it: a status change flags the next
/// cumulative value (0x88 → <see cref="MeterAlarmFlags.MeterFault"/> / cleared), an unchanged status flags nothing but
/// one reminder per <see cref="WisunBrouteOptions.StatusReminder"/>, and a half-hour grid value (fixed-time 0xEA INF,
/// historical slot 0xE2) is kept once.
/// </summary>
public sealed class EchonetWisunHandlerTests : IDisposable
{
    private const int Smart = 0x028801;
    private const int Water = 0x028101;
    private static readonly long T0 = new DateTimeOffset(2026, 11, 26, 0, 30, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    private readonly TempDir _dir = new();
    private readonly IHost _host;

    public EchonetWisunHandlerTests()
    {
        var settings = GatewayConfig.Defaults(_dir.Path);
        _host = GatewayHost.CreateBuilder(GatewayConfig.Args(settings)).Build();
    }

    public void Dispose()
    {
        _host.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void OnReading_GridValueFromInfThenFromHistory_KeptOnce()
    {
        var handler = Handler(TimeSpan.Zero);
        handler.OnReading(Smart, 0xEA, T0, 20020, -1, "kWh");
        handler.OnReading(Smart, 0xE2, T0, 20020, -1, "kWh"); // the same grid point, from a gap fill
        handler.OnReading(Smart, 0xE2, T0 - 1_800_000, 20010, -1, "kWh");
        handler.OnReading(Smart, 0xEB, T0, 0, -1, "kWh"); // another channel (energy-reverse)
        handler.OnReading(Smart, 0xE0, T0, 20020, -1, "kWh"); // a polled value is never a grid value

        Assert.Equal(
            [("energy", T0), ("energy", T0 - 1_800_000), ("energy-reverse", T0), ("energy", T0)],
            handler.PendingSnapshot().Select(o => (o.Channel, o.ObservedUnixMs)));
    }

    [Fact]
    public void OnStatus_FaultHeldThenCleared_OneAlarmOneReminderOneCleared()
    {
        var handler = Handler(TimeSpan.FromHours(1));
        int Read(long at, bool? fault)
        {
            if (fault is { } f)
            {
                handler.OnStatus(Smart, 0x88, f, at);
            }

            handler.OnReading(Smart, 0xE0, at, 1, 0, "kWh");
            return handler.PendingSnapshot()[^1].Flags;
        }

        // First read since the gateway started, no fault: stated as cleared (a fault may have ended while it was down).
        Assert.Equal(MeterAlarmFlags.MeterFaultCleared, Read(T0, false));
        Assert.Equal(0, Read(T0 + 30_000, false));
        Assert.Equal(MeterAlarmFlags.MeterFault, Read(T0 + 60_000, true));
        Assert.Equal(0, Read(T0 + 120_000, true));
        Assert.Equal(0, Read(T0 + 3_600_000, true)); // 59 minutes after the alarm
        Assert.Equal(MeterAlarmFlags.MeterFault, Read(T0 + 3_660_000, true)); // the reminder, an hour after
        Assert.Equal(0, Read(T0 + 3_720_000, true));
        Assert.Equal(MeterAlarmFlags.MeterFaultCleared, Read(T0 + 3_780_000, false));
        Assert.Equal(0, Read(T0 + 3_840_000, false));
    }

    [Fact]
    public void OnStatus_AbnormalValueWithoutReminder_FlaggedOnChangesOnly()
    {
        var handler = Handler(TimeSpan.Zero);
        handler.OnStatus(Water, 0xE3, true, T0);
        handler.OnStatus(Water, 0x88, true, T0); // both at once: both flags on the next value
        handler.OnReading(Water, 0xE0, T0, 5, 0, "m3");
        handler.OnStatus(Water, 0xE3, true, T0 + 86_400_000);
        handler.OnReading(Water, 0xE0, T0 + 86_400_000, 6, 0, "m3");

        Assert.Equal(
            [MeterAlarmFlags.AbnormalValue | MeterAlarmFlags.MeterFault, 0],
            handler.PendingSnapshot().Select(o => o.Flags));
    }

    private EchonetWisunHandler Handler(TimeSpan reminder) =>
        new(new WisunBrouteOptions { StatusReminder = reminder }, TimeSpan.FromMinutes(1), _host.Services.GetRequiredService<MeterReadingSink>(), TimeProvider.System, NullLogger<EchonetWisunHandler>.Instance);
}
