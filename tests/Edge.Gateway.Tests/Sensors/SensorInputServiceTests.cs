using Edge.Gateway.Radio;
using Edge.Gateway.Sensors;
using Edge.Gateway.Sensors.Seismic;
using Edge.Gateway.Store;
using Edge.Gateway.Tests.Support;
using Edge.HwSim.Sensors;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.Gateway.Tests.Sensors;

/// <summary>The sensor input end to end: binding over the model, then the real store on SQLite.</summary>
public sealed class SensorInputServiceTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Execute_Sht4x_StoresTemperatureAndHumidityWithUnits()
    {
        var store = new TestStore(_dir.Path);
        await store.Writer.StartAsync(CancellationToken.None);
        var model = new SimulatedSht4x(new SimulationClock(DateTimeOffset.UnixEpoch, running: true)) { TemperatureCelsius = 12.34, HumidityPercent = 55.5 };

        // Start with the sensor absent: the service logs, waits ReopenDelay and tries again.
        model.NackAll = true;
        var service = Service(store, model);
        await service.StartAsync(CancellationToken.None);
        await Until(() => service.Failures >= 1);
        Assert.Empty(StoreFile.Rows(store.Database.FilePath));

        model.NackAll = false;
        store.Time.Advance(TimeSpan.FromSeconds(10));
        await Until(() => StoreFile.Rows(store.Database.FilePath).Count >= 2);
        await service.StopAsync(CancellationToken.None);
        await store.Writer.StopAsync(CancellationToken.None);

        var rows = StoreFile.Rows(store.Database.FilePath);
        var t = rows.Single(r => r.Channel == "temperature");
        var h = rows.Single(r => r.Channel == "humidity");
        Assert.Equal(("roof-sht4x", "Cel", 2), (t.Device, t.Unit, t.Scale));
        Assert.Equal(("%RH", 2), (h.Unit, h.Scale));

        // 12.34 °C and 55.5 % through the 16-bit codes, to 0.01.
        Assert.InRange(t.Mantissa, 1233, 1235);
        Assert.InRange(h.Mantissa, 5549, 5551);
        Assert.NotEqual(t.Seq, h.Seq);
    }

    [Fact]
    public void Validate_BadEntries_GivesOneMessageEach()
    {
        var errors = SensorInputRegistration.Validate(
        [
            new SensorInputOptions { Name = "a", Kind = "bme680" },
            new SensorInputOptions { Name = "", Kind = SensorKinds.Sht3x },
            new SensorInputOptions { Name = "c", Kind = SensorKinds.Scd4x, Address = 0x90 },
            new SensorInputOptions { Name = "d", Kind = SensorKinds.Bme280 },
        ]);
        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.Contains("bme680", StringComparison.Ordinal));
    }

    private static SensorInputService Service(TestStore store, SimulatedSht4x model)
    {
        var sink = new SensorReadingSink(
            new MeterSequences(store.Database), new DataClassifier(store.Options), store.Writer,
            new SensorThresholdEvaluator(new SensorThresholdOptions()), NullLogger<SensorReadingSink>.Instance);
        var options = new SensorInputOptions
        {
            Name = "roof-sht4x", Kind = SensorKinds.Sht4x, PollInterval = TimeSpan.FromMinutes(1), ReopenDelay = TimeSpan.FromSeconds(10),
        };
        return new SensorInputService(options, _ => model, sink, store.Time, NullLogger<SensorInputService>.Instance);
    }

    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(20);
        }
    }
}
