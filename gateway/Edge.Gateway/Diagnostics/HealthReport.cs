using System.Text.Json;
using Edge.Gateway.Links;
using Edge.Gateway.Links.Routing;

namespace Edge.Gateway.Diagnostics;

/// <summary>
/// The answer of <c>GET /health</c>: 200 when the store takes writes (its latest check succeeded and is recent),
/// else 503; the body says why, with the last commit's age and each link's state. Links do not decide the status:
/// a gateway without a link keeps storing, which is its job during an outage.
/// </summary>
internal sealed class HealthReport(StoreProbe probe, HealthMonitor monitor, MetricsReport metrics, TimeProvider time)
{
    /// <summary>The status code and the JSON body.</summary>
    public (int Status, byte[] Body) Render()
    {
        var now = time.GetUtcNow();
        var latest = probe.Latest;
        var age = latest is null ? (TimeSpan?)null : now - latest.At;
        var stale = age is null || age > monitor.StaleAfter;
        var healthy = latest is { Writable: true } && !stale;

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("status", healthy ? "ok" : "unhealthy");
            json.WriteNumber("uptimeSeconds", Seconds(now - metrics.Started));
            json.WriteStartObject("store");
            json.WriteBoolean("writable", latest is { Writable: true });
            json.WriteBoolean("stale", stale);
            WriteSeconds(json, "checkAgeSeconds", age);
            json.WriteString("checkedBy", latest?.By);
            WriteSeconds(json, "lastCommitAgeSeconds", probe.LastCommit is { } commit ? now - commit : null);
            json.WriteString("error", stale && latest is { Writable: true } ? "the store check is overdue" : latest?.Error);
            json.WriteEndObject();
            json.WriteStartArray("links");
            var statuses = metrics.LinkStatuses(now);
            foreach (var link in metrics.Links())
            {
                WriteLink(json, link, statuses.FirstOrDefault(s => s.Name == link.Name), now);
            }

            json.WriteEndArray();
            WriteControl(json, metrics.ControlStatus(), now);
            json.WriteEndObject();
        }

        return (healthy ? 200 : 503, buffer.ToArray());
    }

    private static void WriteControl(Utf8JsonWriter json, Control.ControlStatus? status, DateTimeOffset now)
    {
        if (status is null)
        {
            return;
        }

        var plan = status.Plan;
        json.WriteStartObject("control");
        json.WriteBoolean("disasterMode", plan.DisasterMode);
        json.WriteStartArray("sources");
        foreach (var source in plan.Sources)
        {
            json.WriteStringValue(source);
        }

        json.WriteEndArray();
        json.WriteNumber("appliedVersion", plan.AppliedVersion);
        json.WriteNumber("samplingSeconds", plan.SamplingSeconds);
        json.WriteNumber("reportingSeconds", plan.ReportingSeconds);
        json.WriteStartObject("linkOverrides");
        foreach (var (name, link) in plan.Links)
        {
            json.WriteStartObject(name);
            json.WriteString("allow", link.Policy.Allow.ToString());
            json.WriteBoolean("emergencyBudget", link.EmergencyBudget);
            json.WriteNumber("dailyBytes", link.Policy.DailyBytes);
            json.WriteNumber("monthlyBytes", link.Policy.MonthlyBytes);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteString("changedAt", status.ChangedAt);
        WriteSeconds(json, "changeAgeSeconds", now - status.ChangedAt);
        json.WriteNumber("changes", status.Changes);
        json.WriteNumber("rejections", status.Rejections);
        if (status.RejectedVersion is { } rejected)
        {
            json.WriteNumber("rejectedVersion", rejected);
        }
        else
        {
            json.WriteNull("rejectedVersion");
        }

        json.WriteString("rejectedReason", status.RejectedReason);
        json.WriteBoolean("reported", status.ReportedAt is { } at && at >= status.ChangedAt);
        json.WriteString("reportedVia", status.ReportedVia);
        json.WriteEndObject();
    }

    private static void WriteLink(Utf8JsonWriter json, ILink link, LinkStatus? route, DateTimeOffset now)
    {
        var health = link.Health;
        json.WriteStartObject();
        json.WriteString("name", link.Name);
        json.WriteString("state", MetricsReport.StateName(health.State));
        json.WriteNumber("consecutiveFailures", health.ConsecutiveFailures);
        WriteSeconds(json, "lastSuccessAgeSeconds", health.LastSuccess is { } s ? now - s : null);
        WriteSeconds(json, "lastFailureAgeSeconds", health.LastFailure is { } f ? now - f : null);
        json.WriteNumber("wireBytes", health.WireBytes);
        json.WriteString("detail", health.LastDetail);
        if (route is not null)
        {
            json.WriteString("routeState", route.State.ToString().ToLowerInvariant());
            json.WriteNumber("bytesToday", route.Usage.DayBytes);
            json.WriteNumber("bytesThisMonth", route.Usage.MonthBytes);
            WriteBytes(json, "budgetLeftToday", route.DailyBytesLeft);
            WriteBytes(json, "budgetLeftThisMonth", route.MonthlyBytesLeft);
            json.WriteBoolean("budgetExhausted", route.Exhausted);
        }

        json.WriteEndObject();
    }

    private static void WriteBytes(Utf8JsonWriter json, string name, long? bytes)
    {
        if (bytes is { } b)
        {
            json.WriteNumber(name, b);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteSeconds(Utf8JsonWriter json, string name, TimeSpan? span)
    {
        if (span is { } s)
        {
            json.WriteNumber(name, Seconds(s));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static double Seconds(TimeSpan span) => Math.Round(Math.Max(0, span.TotalSeconds), 3);
}
