using Edge.Gateway.Control;
using Edge.Gateway.Links.Routing;

namespace Edge.Gateway.Diagnostics;

/// <summary>Remote configuration and disaster mode in the exposition.</summary>
internal sealed partial class MetricsReport
{
    /// <summary>Remote configuration and disaster mode now; null in a host without them.</summary>
    public ControlStatus? ControlStatus() => services.GetService<GatewayControl>()?.Status;

    private void WriteControl(PrometheusWriter w, DateTimeOffset now)
    {
        if (ControlStatus() is not { } status)
        {
            return;
        }

        var plan = status.Plan;
        w.Family(P + "disaster_mode", "gauge", "1 while disaster mode is in effect (any source).")
            .Sample(P + "disaster_mode", plan.DisasterMode ? 1 : 0);
        w.Family(P + "disaster_source", "gauge", "1 for each disaster-mode source that says on (cloud, file, gpio, seismic).");
        foreach (var source in ControlSources.All)
        {
            w.Sample(P + "disaster_source", plan.Sources.Contains(source) ? 1 : 0, ("source", source));
        }

        w.Family(P + "config_applied_version", "gauge", "Version of the desired configuration in force (0: the gateway's own).")
            .Sample(P + "config_applied_version", plan.AppliedVersion);
        w.Family(P + "config_changes_total", "counter", "Changes of the configuration in force since start (documents, switches).")
            .Sample(P + "config_changes_total", status.Changes);
        w.Family(P + "config_rejected_total", "counter", "Desired documents rejected since start (nothing changed).")
            .Sample(P + "config_rejected_total", status.Rejections);
        w.Family(P + "config_change_age_seconds", "gauge", "Seconds since the configuration in force last changed.")
            .Sample(P + "config_change_age_seconds", Seconds(now - status.ChangedAt));
        w.Family(P + "config_report_pending", "gauge", "1 while the current state has not reached the cloud.")
            .Sample(P + "config_report_pending", status.ReportedAt is null || status.ReportedAt < status.ChangedAt ? 1 : 0);
        w.Family(P + "device_sampling_seconds", "gauge", "Sampling interval sent to the devices.")
            .Sample(P + "device_sampling_seconds", plan.SamplingSeconds);
        w.Family(P + "device_reporting_seconds", "gauge", "Reporting interval sent to the devices.")
            .Sample(P + "device_reporting_seconds", plan.ReportingSeconds);
        w.Family(P + "link_emergency_budget", "gauge", "1 while the link counts against its separate emergency budget.");
        foreach (var lane in services.GetService<LinkRouter>()?.Lanes ?? [])
        {
            w.Sample(P + "link_emergency_budget", lane.OnEmergencyBudget ? 1 : 0, ("link", lane.Name));
        }
    }
}
