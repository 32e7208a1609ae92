using Edge.Ingest.Auth;
using Edge.Ingest.Tests.Registry;

namespace Edge.Ingest.Tests.Auth;

public sealed class AccessPolicyTests
{
    // The matrix as issue 4 states it, written out by hand: gateway writes; waterworks (and its alias reader) reads all
    // meter data; disaster reads area aggregates and sensor data only; welfare reads alerts only; admin reads all but
    // welfare alerts and manages the registry.
    private static readonly Dictionary<EndpointGroup, string[]> Expected = new()
    {
        [EndpointGroup.Ingest] = ["gateway"],
        [EndpointGroup.MeterReadings] = ["waterworks", "reader", "admin"],
        [EndpointGroup.MeterConsumption] = ["waterworks", "reader", "admin"],
        [EndpointGroup.MeterAlarms] = ["waterworks", "reader", "admin"],
        [EndpointGroup.MeterExport] = ["waterworks", "reader", "admin"],
        [EndpointGroup.AreaAggregates] = ["waterworks", "reader", "disaster", "admin"],
        [EndpointGroup.AreaBalance] = ["waterworks", "reader", "admin"],
        [EndpointGroup.SensorData] = ["disaster", "admin"],
        [EndpointGroup.WelfareAlerts] = ["welfare"],

        // Issue 8, the welfare service's events and household settings: the welfare office, and admin who enrols.
        [EndpointGroup.WelfareEvents] = ["welfare", "admin"],
        [EndpointGroup.Quarantine] = ["waterworks", "reader", "admin"],
        [EndpointGroup.Stats] = ["waterworks", "reader", "admin"],
        [EndpointGroup.Registry] = ["admin"],

        // Issue 8, the change stream: every reading role listens (each sees only its scopes); gateways never.
        [EndpointGroup.AnalyticsStream] = ["waterworks", "reader", "disaster", "welfare", "admin"],

        // Issue 6, remote configuration: the gateway reads its desired document and writes its report; disaster
        // response switches disaster mode and sees the reports; operators do both.
        [EndpointGroup.GatewayDesiredRead] = ["gateway", "disaster", "admin"],
        [EndpointGroup.GatewayDesiredWrite] = ["disaster", "admin"],
        [EndpointGroup.GatewayReportedWrite] = ["gateway"],
        [EndpointGroup.GatewayReportedRead] = ["disaster", "admin"],
    };

    public static TheoryData<CallerRole, EndpointGroup, bool> EveryPair()
    {
        var data = new TheoryData<CallerRole, EndpointGroup, bool>();
        foreach (var group in Enum.GetValues<EndpointGroup>())
        {
            foreach (var role in Enum.GetValues<CallerRole>())
            {
                data.Add(role, group, Expected[group].Contains(CallerRoleNames.ToName(role)));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Allows_EveryRoleAndGroup_AsTheIssueSays(CallerRole role, EndpointGroup group, bool expected)
    {
        Assert.Equal(expected, AccessPolicy.Allows(role, group));
    }

    [Fact]
    public void Expected_CoversEveryGroup()
    {
        Assert.Equal(Enum.GetValues<EndpointGroup>().Order(), Expected.Keys.Order());
    }

    [Fact]
    public void Canonical_Reader_IsWaterworks()
    {
        Assert.Equal(CallerRole.Waterworks, CallerRoleNames.Canonical(CallerRole.Reader));
        Assert.Equal(CallerRole.Disaster, CallerRoleNames.Canonical(CallerRole.Disaster));
    }

    [Fact]
    public void CanSeeDevice_Disaster_SensorsButNeverAMeter()
    {
        Assert.True(AccessPolicy.CanSeeDevice(CallerRole.Disaster, EndpointGroup.SensorData, Registrations.RainGauge()));
        Assert.False(AccessPolicy.CanSeeDevice(CallerRole.Disaster, EndpointGroup.SensorData, Registrations.Meter()));
        Assert.False(AccessPolicy.CanSeeDevice(CallerRole.Disaster, EndpointGroup.MeterReadings, Registrations.Meter()));
    }

    [Fact]
    public void CanSeeDevice_Welfare_OnlyEnrolledHouseholds()
    {
        var enrolled = Registrations.Meter() with { Welfare = Registrations.Enrolled() };
        var withdrawn = Registrations.Meter() with { Welfare = Registrations.Enrolled() with { Enrolled = false } };

        Assert.True(AccessPolicy.CanSeeDevice(CallerRole.Welfare, EndpointGroup.WelfareAlerts, enrolled));
        Assert.False(AccessPolicy.CanSeeDevice(CallerRole.Welfare, EndpointGroup.WelfareAlerts, withdrawn));
        Assert.False(AccessPolicy.CanSeeDevice(CallerRole.Welfare, EndpointGroup.WelfareAlerts, Registrations.Meter()));
        Assert.False(AccessPolicy.CanSeeDevice(CallerRole.Admin, EndpointGroup.WelfareAlerts, enrolled));
    }

    [Fact]
    public void CanSeeDevice_WaterworksMeterGroups_MetersOnly()
    {
        Assert.True(AccessPolicy.CanSeeDevice(CallerRole.Reader, EndpointGroup.MeterReadings, Registrations.Meter()));
        Assert.False(AccessPolicy.CanSeeDevice(CallerRole.Waterworks, EndpointGroup.MeterReadings, Registrations.RainGauge()));
    }

    [Fact]
    public void CanSeeDevice_Unregistered_OnlyItsReadingsAndOnlyToQuarantineReviewers()
    {
        Assert.True(AccessPolicy.CanSeeDevice(CallerRole.Waterworks, EndpointGroup.MeterReadings, null));
        Assert.True(AccessPolicy.CanSeeDevice(CallerRole.Admin, EndpointGroup.MeterReadings, null));
        Assert.False(AccessPolicy.CanSeeDevice(CallerRole.Disaster, EndpointGroup.MeterReadings, null));
        Assert.False(AccessPolicy.CanSeeDevice(CallerRole.Waterworks, EndpointGroup.MeterConsumption, null));
        Assert.False(AccessPolicy.CanSeeDevice(CallerRole.Waterworks, EndpointGroup.MeterExport, null));
        Assert.False(AccessPolicy.CanSeeDevice(CallerRole.Welfare, EndpointGroup.WelfareAlerts, null));
    }
}
