using Edge.Ingest.Analytics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Edge.Ingest.Tests.Analytics;

public sealed class AnalyticsOptionsTests
{
    private static IOptions<AnalyticsOptions> Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddEdgeAnalytics();
        return services.BuildServiceProvider().GetRequiredService<IOptions<AnalyticsOptions>>();
    }

    [Fact]
    public void Bind_DefaultsAndAreaOverride()
    {
        var options = Bind(new()
        {
            ["Edge:Ingest:Analytics:Alarms:LeakHours"] = "36",
            ["Edge:Ingest:Analytics:Areas:131016:DisasterMode"] = "true",
            ["Edge:Ingest:Analytics:Areas:131016:HouseholdsPerMeter"] = "3.5",
            ["Edge:Ingest:Analytics:Areas:131016:BurstLimitM3PerHour"] = "4",
        }).Value;

        Assert.Equal(36, options.Alarms.LeakHours);
        Assert.Equal((true, 3.5m), (options.AreaStatusFor("131016").DisasterMode, options.AreaStatusFor("131016").HouseholdsPerMeter));
        Assert.Equal(4m, options.AlarmsFor("131016").BurstLimitM3PerHour);
        // Other areas keep the defaults: 2 h outage, 1 household per meter, Q3 as burst limit, 12 h no use.
        Assert.Equal((false, 1m, (decimal?)null), (options.AreaStatusFor("131041").DisasterMode, options.AreaStatusFor("131041").HouseholdsPerMeter, options.AlarmsFor("131041").BurstLimitM3PerHour));
        Assert.Equal(TimeSpan.FromHours(12), options.Welfare.NoUseAlertAfter);
    }

    [Fact]
    public void Bind_NoUseOutside8To24_FailsNamingTheKey()
    {
        var options = Bind(new() { ["Edge:Ingest:Analytics:Welfare:NoUseAlertAfter"] = "30:00:00" });

        var error = Assert.Throws<OptionsValidationException>(() => options.Value);

        Assert.Contains("Welfare:NoUseAlertAfter must be 8 to 24 hours.", error.Failures);
    }

    [Fact]
    public void Bind_RainfallBands_ReplaceDefaultsAndMustRise()
    {
        var bound = Bind(new() { ["Edge:Ingest:Analytics:Sensors:RainfallBandsMmPerHour:0"] = "5", ["Edge:Ingest:Analytics:Sensors:RainfallBandsMmPerHour:1"] = "15" });
        var falling = Bind(new() { ["Edge:Ingest:Analytics:Sensors:RainfallBandsMmPerHour:0"] = "15", ["Edge:Ingest:Analytics:Sensors:RainfallBandsMmPerHour:1"] = "5" });

        Assert.Equal([5m, 15m], bound.Value.Sensors.Bands);
        Assert.Contains("Sensors:RainfallBandsMmPerHour must be positive and strictly increasing.",
            Assert.Throws<OptionsValidationException>(() => falling.Value).Failures);
    }
}
