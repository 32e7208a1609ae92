using Edge.Uplink.Control;

namespace Edge.Gateway.Control;

/// <summary>The checks of <c>Edge:Gateway:Control</c> at start (GatewayOptionsValidator reports them, the gateway exits 2).</summary>
internal static class ControlOptionsCheck
{
    private const string Section = "Edge:Gateway:Control";

    /// <summary>Every problem, named by its key.</summary>
    public static IEnumerable<string> Errors(ControlOptions o)
    {
        if (o.PollInterval <= TimeSpan.Zero || o.LocalCheckInterval <= TimeSpan.Zero || o.MailboxWait < TimeSpan.Zero)
        {
            yield return $"{Section}:PollInterval and LocalCheckInterval must be positive, MailboxWait not negative";
        }

        if (string.IsNullOrWhiteSpace(o.DesiredFile))
        {
            yield return $"{Section}:DesiredFile is required";
        }

        foreach (var (key, d) in new[] { ("Normal", o.Normal), ("Disaster:Devices", o.Disaster.Devices) })
        {
            if (d.SamplingSeconds is < ControlLimits.MinIntervalSeconds or > ControlLimits.MaxSamplingSeconds
                || d.ReportingSeconds < d.SamplingSeconds || d.ReportingSeconds > ControlLimits.MaxReportingSeconds)
            {
                yield return $"{Section}:{key}: SamplingSeconds must be {ControlLimits.MinIntervalSeconds}..{ControlLimits.MaxSamplingSeconds} and ReportingSeconds at least that, at most {ControlLimits.MaxReportingSeconds}";
            }
        }

        if (o.Disaster.TtlFactor is < 1 or > 100)
        {
            yield return $"{Section}:Disaster:TtlFactor {o.Disaster.TtlFactor} must be 1..100 (disaster mode keeps data longer, never shorter)";
        }

        if (o.Disaster.DailyBytes < 0 || o.Disaster.MonthlyBytes < 0)
        {
            yield return $"{Section}:Disaster: DailyBytes and MonthlyBytes must not be negative";
        }

        string? seismic = null;
        try
        {
            ControlService.ParseIntensity(o.SeismicClass);
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException ex)
        {
            seismic = ex.Failures.First();
        }

        if (seismic is not null)
        {
            yield return seismic;
        }
    }
}
