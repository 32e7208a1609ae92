using Edge.Ingest.Registry;
using Edge.Ingest.Storage;

namespace Edge.Ingest.Analytics.Welfare;

public sealed partial class WelfareBook
{
    /// <summary>The settings of <paramref name="householdId"/> (the defaults when never set).</summary>
    public async Task<WelfareSettings> SettingsAsync(string householdId, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await EnsureLoadedAsync(cancellationToken);
            return _settings.GetValueOrDefault(householdId) ?? WelfareSettings.Default(householdId);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Applies <paramref name="change"/> (given the settings and now) and stores the result; returns it. Nothing changes
    /// in memory unless the store took it.
    /// </summary>
    public async Task<WelfareSettings> UpdateSettingsAsync(
        string householdId, Func<WelfareSettings, DateTimeOffset, WelfareSettings> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await EnsureLoadedAsync(cancellationToken);
            var now = time.GetUtcNow();
            var current = _settings.GetValueOrDefault(householdId) ?? WelfareSettings.Default(householdId);
            var changed = change(current, now) with { HouseholdId = householdId, UpdatedAt = now };
            await WriteAsync(() => store.SaveWelfareHouseholdAsync(ToRow(changed), cancellationToken), cancellationToken);
            _settings[householdId] = changed;
            return changed;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task EnsureLoadedAsync(CancellationToken cancellationToken)
    {
        if (!_loaded)
        {
            await ReloadAsync(cancellationToken);
        }
    }

    private async Task ReloadAsync(CancellationToken cancellationToken)
    {
        _loaded = false;
        _byId.Clear();
        _byHousehold.Clear();
        _settings.Clear();
        foreach (var row in await store.LoadWelfareEventsAsync(cancellationToken))
        {
            Remember(row);
        }

        foreach (var row in await store.LoadWelfareHouseholdsAsync(cancellationToken))
        {
            _settings[row.HouseholdId] = new WelfareSettings(
                row.HouseholdId,
                row.GenkiDeadlineMinutes is { } minutes ? TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(minutes)) : null,
                Optional(row.DeadlineChangedUnixMs), Optional(row.AwayModeSinceUnixMs),
                [.. row.Snoozes.Select(Period)], [.. row.AwayPeriods.Select(Period)], Time(row.UpdatedUnixMs));
        }

        _loaded = true;
    }

    // A write the store refused may have been half done: memory is read back from the store, then the error goes on.
    private async Task WriteAsync(Func<Task> write, CancellationToken cancellationToken)
    {
        try
        {
            await write();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await ReloadAsync(cancellationToken);
            throw;
        }
    }

    private void Remember(StoredWelfareEvent row)
    {
        _byId[row.Id] = row;
        if (!_byHousehold.TryGetValue(row.HouseholdId, out var list))
        {
            list = [];
            _byHousehold[row.HouseholdId] = list;
        }

        list.Add(row);
    }

    private void Forget(StoredWelfareEvent row)
    {
        _byId.Remove(row.Id);
        _byHousehold[row.HouseholdId].Remove(row);
    }

    private static StoredWelfareHousehold ToRow(WelfareSettings settings) => new(
        settings.HouseholdId,
        settings.GenkiDeadline is { } deadline ? (int)deadline.ToTimeSpan().TotalMinutes : null,
        settings.DeadlineChangedAt?.ToUnixTimeMilliseconds(), settings.AwayModeSince?.ToUnixTimeMilliseconds(),
        [.. settings.Snoozes.Select(Row)], [.. settings.AwayPeriods.Select(Row)],
        (settings.UpdatedAt ?? DateTimeOffset.UnixEpoch).ToUnixTimeMilliseconds());

    private static StoredWelfarePeriod Row(AwayPeriod period) =>
        new(period.From.ToUnixTimeMilliseconds(), period.To.ToUnixTimeMilliseconds());

    private static AwayPeriod Period(StoredWelfarePeriod row) => new(Time(row.FromUnixMs), Time(row.ToUnixMs));

    private static DateTimeOffset? Optional(long? unixMs) => unixMs is { } ms ? Time(ms) : null;
}
