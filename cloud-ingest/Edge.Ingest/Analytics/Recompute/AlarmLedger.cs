using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Edge.Ingest.Analytics.Alarms;
using Edge.Ingest.Analytics.Stream;
using Edge.Ingest.Storage;

namespace Edge.Ingest.Analytics.Recompute;

/// <summary>
/// The one alarm book of this ingest node, kept in memory and in the store. Loaded from <see cref="IAlarmStore"/> on
/// first use (so after a restart recomputation finds the alarms it raised before and raises nothing again); every change
/// is written to the store before it is visible, then published on <see cref="AnalyticsEventHub"/>. One writer at a
/// time: recomputation and operator commands queue on one gate. If the store refuses a write the book is read back from
/// it, so memory never holds a change the store does not.
/// </summary>
public sealed partial class AlarmLedger(IAlarmStore store, AnalyticsEventHub hub, TimeProvider time, ILogger<AlarmLedger> logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<AlarmKey, AlarmView> _views = [];
    private readonly Dictionary<string, AlarmKey> _byId = new(StringComparer.Ordinal);
    private AlarmBook _book = new();
    private bool _loaded;

    /// <summary>The stable opaque id of the alarm <paramref name="key"/>: 32 hex digits of SHA-256 over its key.</summary>
    public static string IdOf(AlarmKey key)
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{key.SubjectId}\n{AlarmKindNames.Name(key.Kind)}\n{key.Start.ToUnixTimeMilliseconds()}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));
    }

    /// <summary>
    /// Runs <paramref name="step"/> on the book, stores the changes it made and publishes them.
    /// <paramref name="place"/> gives the area and meter of an alarm raised by the step.
    /// </summary>
    public async Task<IReadOnlyList<AlarmChange>> ApplyAsync(
        Func<AlarmBook, IReadOnlyList<AlarmChange>> step, Func<AlarmKey, (string AreaId, string? MeterId)> place, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(place);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await EnsureLoadedAsync(cancellationToken);
            IReadOnlyList<AlarmChange> changes;
            try
            {
                changes = step(_book);
            }
            catch
            {
                // A step that failed half-way may have changed the book: back to what the store holds.
                await ReloadAsync(cancellationToken);
                throw;
            }

            return await CommitAsync(changes, place, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The alarms of <paramref name="subjectId"/> and <paramref name="kind"/> as the book holds them now.</summary>
    public async Task<IReadOnlyList<Alarm>> OfAsync(string subjectId, AlarmKind kind, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await EnsureLoadedAsync(cancellationToken);
            return _book.Of(subjectId, kind);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The alarm with <paramref name="id"/>, or null.</summary>
    public async Task<AlarmView?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await EnsureLoadedAsync(cancellationToken);
            return _byId.TryGetValue(id, out var key) ? _views[key] : null;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Every alarm, as the book holds it now.</summary>
    public async Task<IReadOnlyList<AlarmView>> SnapshotAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await EnsureLoadedAsync(cancellationToken);
            return [.. _views.Values];
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>An operator acknowledges the alarm <paramref name="id"/>.</summary>
    public Task<(AlarmCommandResult Result, AlarmView? Alarm)> AcknowledgeAsync(
        string id, string operatorId, string? note, CancellationToken cancellationToken) =>
        CommandAsync(id, (book, key, at) =>
        {
            var result = book.Acknowledge(key, operatorId, note, at, out var change);
            return (result, change);
        }, cancellationToken);

    /// <summary>An operator clears the alarm <paramref name="id"/> (the caller checked that it latches).</summary>
    public Task<(AlarmCommandResult Result, AlarmView? Alarm)> ClearAsync(string id, string operatorId, CancellationToken cancellationToken) =>
        CommandAsync(id, (book, key, at) =>
        {
            var result = book.ClearByOperator(key, operatorId, at, out var change);
            return (result, change);
        }, cancellationToken);

    private async Task<(AlarmCommandResult Result, AlarmView? Alarm)> CommandAsync(
        string id, Func<AlarmBook, AlarmKey, DateTimeOffset, (AlarmCommandResult, AlarmChange?)> command, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await EnsureLoadedAsync(cancellationToken);
            if (!_byId.TryGetValue(id, out var key))
            {
                return (AlarmCommandResult.NotFound, null);
            }

            var (result, change) = command(_book, key, time.GetUtcNow());
            if (change is not null)
            {
                await CommitAsync([change], _ => throw new InvalidOperationException("An operator command raised an alarm."), cancellationToken);
            }

            return (result, _views[key]);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<IReadOnlyList<AlarmChange>> CommitAsync(
        IReadOnlyList<AlarmChange> changes, Func<AlarmKey, (string AreaId, string? MeterId)> place, CancellationToken cancellationToken)
    {
        if (changes.Count == 0)
        {
            return changes;
        }

        var now = time.GetUtcNow();
        var views = new Dictionary<AlarmKey, AlarmView>();
        var rows = new List<StoredAlarm>();
        foreach (var group in changes.GroupBy(c => c.Key))
        {
            var alarm = _book.Find(group.Key) ?? throw new InvalidOperationException("A change of an alarm the book does not hold.");
            var known = _views.GetValueOrDefault(group.Key);
            var (areaId, meterId) = known is null ? place(group.Key) : (known.AreaId, known.MeterId);
            var times = known?.ChangeTimes.ToList() ?? [];
            var first = times.Count;
            while (times.Count < alarm.History.Count)
            {
                times.Add(alarm.History[times.Count].OperatorAt ?? now);
            }

            var view = new AlarmView(alarm, known?.Id ?? IdOf(group.Key), areaId, meterId, times);
            views[group.Key] = view;
            rows.Add(ToRow(view, first));
        }

        try
        {
            await store.SaveAlarmsAsync(rows, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            AlarmLog.SaveFailed(logger, ex);
            await ReloadAsync(cancellationToken);
            throw;
        }

        foreach (var (key, view) in views)
        {
            _views[key] = view;
            _byId[view.Id] = key;
        }

        foreach (var change in changes)
        {
            var data = JsonSerializer.SerializeToNode(_views[change.Key].ToResource(withHistory: false), JsonSerializerOptions.Web)!.AsObject();
            hub.Publish(AnalyticsEventTypes.Alarm, AnalyticsEventScope.Meter, data);
        }

        return changes;
    }
}
