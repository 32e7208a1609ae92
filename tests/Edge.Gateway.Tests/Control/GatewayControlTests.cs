using System.Text;
using Edge.Gateway.Control;
using Edge.Gateway.Links.Routing;
using Edge.Gateway.Tests.Support;

namespace Edge.Gateway.Tests.Control;

/// <summary>
/// Issue 6, remote configuration: a desired document is checked in full, stored durably, applied all at once, and
/// survives a restart; older or equal versions are ignored; a bad one changes nothing and is reported with its reason;
/// local switches and the cloud combine.
/// </summary>
public sealed class GatewayControlTests : IDisposable
{
    private const string DisasterOn = """{"version":4,"disasterMode":{"on":true,"reason":"津波警報"}}""";

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static byte[] Json(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void Start_NoDocument_GatewayOwnConfiguration()
    {
        var rig = new ControlRig(_dir.Path);

        rig.Control.Start();

        var plan = rig.Control.Status.Plan;
        Assert.Equal((0L, false), (plan.AppliedVersion, plan.DisasterMode));
        Assert.Equal((3600, 3600), (plan.SamplingSeconds, plan.ReportingSeconds));
        Assert.Equal(10, rig.Limits.Current.Reading.TtlDays);
        Assert.Same(rig.Iridium.BasePolicy, rig.Iridium.Policy);
        Assert.False(File.Exists(rig.Control.File.Path));
    }

    [Fact]
    public void Offer_DisasterOn_AppliesEverythingAtOnce()
    {
        var rig = new ControlRig(_dir.Path);
        rig.Control.Start();

        var (outcome, _) = rig.Control.Offer(Json(DisasterOn), "satellite");

        Assert.Equal(DesiredOutcome.Applied, outcome);
        var plan = rig.Control.Status.Plan;
        Assert.Equal((4L, true), (plan.AppliedVersion, plan.DisasterMode));
        Assert.Equal(["cloud"], plan.Sources);
        Assert.Equal((300, 600), (plan.SamplingSeconds, plan.ReportingSeconds));

        // TTLs kept longer: 10 days × 3; alarms 30 days (the default) × 3.
        Assert.Equal(30, rig.Limits.Current.Reading.TtlDays);
        Assert.Equal(90, rig.Limits.Current.Alarm.TtlDays);

        // Readings now go on satellite, within the separate emergency budget; 5G keeps its own policy.
        Assert.Equal(TrafficClass.Alarm | TrafficClass.Status | TrafficClass.Reading | TrafficClass.Gap, rig.Iridium.Policy.Allow);
        Assert.Equal((50_000L, 600_000L), (rig.Iridium.Policy.DailyBytes, rig.Iridium.Policy.MonthlyBytes));
        Assert.True(rig.Iridium.OnEmergencyBudget);
        Assert.Same(rig.FiveG.BasePolicy, rig.FiveG.Policy);
        Assert.NotNull(rig.Iridium.Room(TrafficClass.Reading, 1_000, rig.Rig.Now));
    }

    [Fact]
    public void Offer_EmergencyBudget_CountedApartFromTheOrdinaryOne()
    {
        var rig = new ControlRig(_dir.Path);
        rig.Control.Start();
        rig.Iridium.Charge(9_000, rig.Rig.Now);

        rig.Control.Offer(Json(DisasterOn), "ip");
        rig.Iridium.Charge(2_000, rig.Rig.Now);

        Assert.Equal(2_000, rig.Iridium.Usage(rig.Rig.Now).DayBytes);
        rig.Control.Offer(Json("""{"version":5,"disasterMode":{"on":false}}"""), "ip");
        Assert.Equal(9_000, rig.Iridium.Usage(rig.Rig.Now).DayBytes);
        Assert.Same(rig.Iridium.BasePolicy, rig.Iridium.Policy);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(3)]
    public void Offer_VersionNotAbove_Ignored(int version)
    {
        var rig = new ControlRig(_dir.Path);
        rig.Control.Start();
        rig.Control.Offer(Json(DisasterOn), "ip");
        var before = rig.Control.Status;

        var (outcome, _) = rig.Control.Offer(Json("{\"version\":" + version + ",\"disasterMode\":{\"on\":false}}"), "ip");

        Assert.Equal(DesiredOutcome.Ignored, outcome);
        Assert.Same(before, rig.Control.Status);
        Assert.True(rig.Control.Status.Plan.DisasterMode);
    }

    [Theory]
    [InlineData("""{"version":9,"disasterMode":{"on":false},"disaster":{"samplingSeconds":5}}""", "$.disaster.samplingSeconds: must be an integer from 10 to 86400")]
    [InlineData("""{"version":9,"disasterMode":{"on":false},"disaster":{"links":{"starlink":{"allow":["reading"]}}}}""", "disaster profile: this gateway has no link 'starlink' (it has 5g, iridium)")]
    [InlineData("""{"version":9,"disasterMode":{"on":false},"normal":{"samplingSeconds":7200}}""", "normal profile: reporting interval 3600 s is shorter than sampling interval 7200 s")]
    public void Offer_Invalid_RejectedWithReasonAndNothingChanged(string json, string reason)
    {
        var rig = new ControlRig(_dir.Path);
        rig.Control.Start();
        rig.Control.Offer(Json(DisasterOn), "ip");
        var plan = rig.Control.Status.Plan;
        var stored = File.ReadAllBytes(rig.Control.File.Path);

        var (outcome, detail) = rig.Control.Offer(Json(json), "ip");

        Assert.Equal((DesiredOutcome.Rejected, reason), (outcome, detail));
        Assert.Same(plan, rig.Control.Status.Plan);
        Assert.Equal(stored, File.ReadAllBytes(rig.Control.File.Path));
        Assert.Equal((9L, reason), (rig.Control.Status.RejectedVersion, rig.Control.Status.RejectedReason));
        var report = rig.Control.PendingReport()!.Value.State;
        Assert.Equal((4L, 9L, reason), (report.AppliedVersion, report.RejectedVersion, report.RejectedReason));
    }

    [Fact]
    public void Start_AfterRestart_NewInstanceReadsTheStoredDocument()
    {
        var first = new ControlRig(_dir.Path);
        first.Control.Start();
        first.Control.Offer(Json("""{"version":6,"disasterMode":{"on":true},"disaster":{"samplingSeconds":120,"reportingSeconds":240}}"""), "satellite");

        // A new host on the same data dir, no link at all needed.
        var second = new ControlRig(_dir.Path);
        second.Control.Start();

        var plan = second.Control.Status.Plan;
        Assert.Equal((6L, true, 120, 240), (plan.AppliedVersion, plan.DisasterMode, plan.SamplingSeconds, plan.ReportingSeconds));
        Assert.Equal(30, second.Limits.Current.Reading.TtlDays);
        Assert.True(second.Iridium.OnEmergencyBudget);
        Assert.False(File.Exists(Path.Combine(_dir.Path, ".desired.json.tmp")));
    }

    [Fact]
    public void Start_DamagedFile_OwnConfigurationAndNoCrash()
    {
        File.WriteAllText(Path.Combine(_dir.Path, "desired.json"), """{"version":6,"disasterMode":""");
        var rig = new ControlRig(_dir.Path);

        rig.Control.Start();

        Assert.Equal((0L, false), (rig.Control.Status.Plan.AppliedVersion, rig.Control.Status.Plan.DisasterMode));
    }

    [Fact]
    public void SetLocal_CombinesWithTheCloud_OnWhileAnySaysOn()
    {
        var rig = new ControlRig(_dir.Path);
        rig.Control.Start();

        rig.Control.SetLocal(ControlSources.File, true);
        Assert.True(rig.Control.Status.Plan.DisasterMode);
        Assert.Equal(["file"], rig.Control.Status.Plan.Sources);

        rig.Control.Offer(Json(DisasterOn), "ip");
        rig.Control.SetLocal(ControlSources.Seismic, true);
        Assert.Equal(["cloud", "file", "seismic"], rig.Control.Status.Plan.Sources);

        rig.Control.SetLocal(ControlSources.File, false);
        rig.Control.SetLocal(ControlSources.Seismic, false);
        Assert.True(rig.Control.Status.Plan.DisasterMode);

        rig.Control.Offer(Json("""{"version":5,"disasterMode":{"on":false}}"""), "ip");
        Assert.False(rig.Control.Status.Plan.DisasterMode);
        Assert.Equal(10, rig.Limits.Current.Reading.TtlDays);
    }

    [Fact]
    public void PendingReport_AfterMarkReported_NothingUntilTheNextChange()
    {
        var rig = new ControlRig(_dir.Path);
        rig.Control.Start();
        var first = rig.Control.PendingReport()!.Value;

        rig.Control.MarkReported(first.Serial, "5g");

        Assert.Null(rig.Control.PendingReport());
        rig.Control.SetLocal(ControlSources.Gpio, true);
        var next = rig.Control.PendingReport()!.Value.State;
        Assert.Equal(("gw-izu", true), (next.GatewayId, next.DisasterMode));
        Assert.Equal(["gpio"], next.Sources);
    }

    [Fact]
    public void Offer_SameBadDocumentAgain_CountedAndReportedOnce()
    {
        var rig = new ControlRig(_dir.Path);
        rig.Control.Start();
        var bad = Json("""{"version":2,"disasterMode":{"on":true},"normal":{"samplingSeconds":3}}""");
        rig.Control.Offer(bad, "ip");
        rig.Control.MarkReported(rig.Control.PendingReport()!.Value.Serial, "5g");

        var (outcome, _) = rig.Control.Offer(bad, "ip");

        Assert.Equal(DesiredOutcome.Rejected, outcome);
        Assert.Equal(1, rig.Control.Status.Rejections);
        Assert.Null(rig.Control.PendingReport());
    }
}
