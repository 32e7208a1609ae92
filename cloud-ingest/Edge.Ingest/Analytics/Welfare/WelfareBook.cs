using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Edge.Ingest.Analytics.Stream;
using Edge.Ingest.Analytics.Watch;
using Edge.Ingest.Storage;

namespace Edge.Ingest.Analytics.Welfare;

/// <summary>
/// The welfare events and household settings of this ingest node, in memory and in <see cref="IWelfareStore"/>: loaded on
/// first use (so after a restart nothing found before is recorded again), every change stored before it is visible, then
/// published on <see cref="AnalyticsEventHub"/> (type <c>welfare</c>, scope <see cref="AnalyticsEventScope.Welfare"/>).
/// A finding is recorded once: one of the same household, kind and held kind whose evidence overlaps a recorded
/// event's is that event (a no-use span seen again an hour later, a morning recomputed after a backfill). One writer at a
/// time; if the store refuses a write, memory is read back from it.
/// </summary>
public sealed partial class WelfareBook(IWelfareStore store, AnalyticsEventHub hub, TimeProvider time)
{
    private const string GoodMorning = "good-morning";
    private const string NoMorningUse = "no-morning-use";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, StoredWelfareEvent> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<StoredWelfareEvent>> _byHousehold = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WelfareSettings> _settings = new(StringComparer.Ordinal);
    private bool _loaded;

    /// <summary>The stable id of a finding: 32 hex digits of SHA-256 over household, kind, held kind and evidence start.</summary>
    public static string IdOf(WelfareFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var held = finding.Held is { } h ? WelfareKindNames.Name(h) : "";
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{finding.HouseholdId}\n{WelfareKindNames.Name(finding.Kind)}\n{held}\n{finding.Evidence.From.ToUnixTimeMilliseconds()}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));
    }

    /// <summary>Stores and publishes the findings not recorded yet; returns them as recorded.</summary>
    public async Task<IReadOnlyList<WelfareEventResource>> RecordAsync(IReadOnlyList<WelfareFinding> findings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(findings);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await EnsureLoadedAsync(cancellationToken);
            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            var fresh = new List<StoredWelfareEvent>();
            foreach (var finding in findings)
            {
                var row = ToRow(finding, now);
                if (!_byId.ContainsKey(row.Id) && !Recorded(row) && !fresh.Any(f => Same(f, row)))
                {
                    fresh.Add(row);
                }
            }

            if (fresh.Count == 0)
            {
                return [];
            }

            await WriteAsync(() => store.AddWelfareEventsAsync(fresh, cancellationToken), cancellationToken);
            foreach (var row in fresh)
            {
                Remember(row);
            }

            return [.. fresh.Select(Publish)];
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Every recorded event.</summary>
    public async Task<IReadOnlyList<WelfareEventResource>> SnapshotAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await EnsureLoadedAsync(cancellationToken);
            return [.. _byId.Values.Select(ToResource)];
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// <paramref name="by"/> acknowledges the event <paramref name="id"/>; an acknowledged event is returned unchanged
    /// (idempotent). Null when no event has that id.
    /// </summary>
    public async Task<WelfareEventResource?> AcknowledgeAsync(string id, string by, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await EnsureLoadedAsync(cancellationToken);
            if (!_byId.TryGetValue(id, out var row))
            {
                return null;
            }

            if (row.AcknowledgedBy is not null)
            {
                return ToResource(row);
            }

            var at = time.GetUtcNow().ToUnixTimeMilliseconds();
            await WriteAsync(() => store.AcknowledgeWelfareEventAsync(id, by, at, cancellationToken), cancellationToken);
            var acknowledged = row with { AcknowledgedBy = by, AcknowledgedUnixMs = at };
            Forget(row);
            Remember(acknowledged);
            return Publish(acknowledged);
        }
        finally
        {
            _gate.Release();
        }
    }

    // Recorded already, or a morning whose verdict (good morning or its alert) is recorded: one verdict per morning, so a
    // changed deadline or a backfill never gives the same day a second, different answer.
    private bool Recorded(StoredWelfareEvent row) =>
        _byHousehold.TryGetValue(row.HouseholdId, out var known)
        && known.Any(k => Same(k, row) || (IsMorning(row) && IsVerdict(k) && k.EvidenceFromUnixMs == row.EvidenceFromUnixMs));

    private static bool IsMorning(StoredWelfareEvent row) =>
        IsVerdict(row) || string.Equals(row.HeldKind, NoMorningUse, StringComparison.Ordinal);

    private static bool IsVerdict(StoredWelfareEvent row) =>
        row.Kind is GoodMorning or NoMorningUse && row.HeldKind is null;

    // The same finding: household, kind and held kind alike, evidence windows overlapping (or the same start).
    private static bool Same(StoredWelfareEvent a, StoredWelfareEvent b) =>
        string.Equals(a.HouseholdId, b.HouseholdId, StringComparison.Ordinal)
        && string.Equals(a.Kind, b.Kind, StringComparison.Ordinal)
        && string.Equals(a.HeldKind, b.HeldKind, StringComparison.Ordinal)
        && (a.EvidenceFromUnixMs == b.EvidenceFromUnixMs
            || (a.EvidenceFromUnixMs < b.EvidenceToUnixMs && b.EvidenceFromUnixMs < a.EvidenceToUnixMs));

    private WelfareEventResource Publish(StoredWelfareEvent row)
    {
        var resource = ToResource(row);
        hub.Publish(AnalyticsEventTypes.Welfare, AnalyticsEventScope.Welfare,
            JsonSerializer.SerializeToNode(resource, JsonSerializerOptions.Web)!.AsObject());
        return resource;
    }

    private static StoredWelfareEvent ToRow(WelfareFinding finding, long now) => new(
        IdOf(finding), finding.HouseholdId, WelfareKindNames.Name(finding.Kind),
        finding.Held is { } held ? WelfareKindNames.Name(held) : null, finding.At.ToUnixTimeMilliseconds(),
        finding.Evidence.From.ToUnixTimeMilliseconds(), finding.Evidence.To.ToUnixTimeMilliseconds(), finding.Detail, now, null, null);

    private static WelfareEventResource ToResource(StoredWelfareEvent row) => new(
        row.Id, row.HouseholdId, row.Kind, row.HeldKind, Time(row.AtUnixMs),
        new WelfareEvidence(Time(row.EvidenceFromUnixMs), Time(row.EvidenceToUnixMs)), row.Detail, Time(row.FirstSeenUnixMs),
        row.AcknowledgedBy is not null, row.AcknowledgedBy, row.AcknowledgedUnixMs is { } ms ? Time(ms) : null);

    private static DateTimeOffset Time(long unixMs) => DateTimeOffset.FromUnixTimeMilliseconds(unixMs);
}
