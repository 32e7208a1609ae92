using System.Globalization;
using System.Text.Json;
using Edge.Ingest.Analytics;
using Edge.Ingest.Analytics.Welfare;
using Edge.Ingest.Auth;
using Edge.Ingest.Registry;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Edge.Ingest.Apis;

/// <summary>
/// Route table and handlers of the welfare office's settings per enrolled household (issue 8, Analytics/API.md
/// "Welfare"): the genki deadline, snooze and away mode. Welfare role and admin only. A household that is not enrolled
/// is unknown here (404), as is one no meter names.
/// </summary>
public static class WelfareHouseholdsApi
{
    /// <summary>Longest snooze (from now).</summary>
    public static readonly TimeSpan MaxSnooze = TimeSpan.FromDays(30);

    /// <summary>Maps <c>/v1/welfare/households/{householdId}</c>.</summary>
    public static IEndpointRouteBuilder MapWelfareHouseholdsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/welfare/households/{householdId}").WithTags("Welfare");
        Describe(api.MapGet("/", GetAsync).WithName("GetWelfareHousehold")
            .WithDescription("The household's welfare settings: genki deadline in force, snoozes, away mode."));
        Describe(api.MapPut("/", PutAsync).WithName("PutWelfareHousehold")
            .WithDescription(
                "Sets the household's genki (morning) deadline: body {\"genkiDeadline\": \"HH:mm\" local, from an hour after the " +
                "morning starts (default 05:00) to 23:00, or null for the default 10:00}. A morning already answered (good morning " +
                "or its alert) is not answered again."), body: true);
        Describe(api.MapPost("/snooze", SnoozeAsync).WithName("SnoozeWelfareHousehold")
            .WithDescription(
                "Snoozes the household's alerts from now: body {\"until\": RFC 3339 time after now, at most 30 days ahead}. An alert " +
                "found while snoozed is recorded as 'suppressed'. A snooze in force is replaced."), body: true);
        Describe(api.MapDelete("/snooze", EndSnoozeAsync).WithName("EndWelfareSnooze")
            .WithDescription("Ends the snooze in force now (the past part is kept); without one, nothing changes."));
        Describe(api.MapPost("/away", AwayOnAsync).WithName("StartWelfareAwayMode")
            .WithDescription("Switches away mode on from now (alerts recorded as 'suppressed', no-use time not counted); idempotent."));
        Describe(api.MapDelete("/away", AwayOffAsync).WithName("EndWelfareAwayMode")
            .WithDescription("Switches away mode off; the span it was on is kept as an away period; idempotent."));
        return app;
    }

    /// <summary>The household's settings.</summary>
    public static async Task<Results<Ok<WelfareHouseholdResource>, ProblemHttpResult>> GetAsync(
        string householdId, IDeviceRegistry registry, WelfareBook book, IOptions<AnalyticsOptions> options, TimeProvider time,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(book);
        if (await FindAsync(registry, householdId, cancellationToken) is not { } meter)
        {
            return NotFound(householdId);
        }

        var settings = await book.SettingsAsync(householdId, cancellationToken);
        return TypedResults.Ok(Resource(settings, meter, options, time));
    }

    /// <summary>Sets the genki deadline.</summary>
    public static async Task<Results<Ok<WelfareHouseholdResource>, ProblemHttpResult>> PutAsync(
        string householdId, HttpRequest request, IDeviceRegistry registry, WelfareBook book, WelfareQueue queue,
        IOptions<AnalyticsOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(options);
        if (await FindAsync(registry, householdId, cancellationToken) is not { } meter)
        {
            return NotFound(householdId);
        }

        if (await WelfareBody.ReadAsync(request, cancellationToken) is not { } body)
        {
            return WelfareBody.Refusal(request);
        }

        var earliest = options.Value.Welfare.GenkiFromHour + 1;
        var value = WelfareBody.Member(body, "genkiDeadline", out var malformed, out var errors);
        TimeOnly? deadline = null;
        if (value is { ValueKind: JsonValueKind.String } text)
        {
            if (TimeOnly.TryParseExact(text.GetString(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                && parsed.Hour >= earliest && parsed <= new TimeOnly(23, 0))
            {
                deadline = parsed;
            }
            else
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture,
                    $"$.genkiDeadline: {DetailText.Quote(text.GetString() ?? "")} is not a local time HH:mm from {earliest:00}:00 to 23:00."));
            }
        }
        else if (value is { ValueKind: not JsonValueKind.Null })
        {
            errors.Add("$.genkiDeadline: must be a string HH:mm or null.");
        }

        if (errors.Count > 0)
        {
            return WelfareProblems.Invalid(malformed, errors);
        }

        var settings = await book.UpdateSettingsAsync(householdId, (s, now) =>
            s.GenkiDeadline == deadline ? s : s with { GenkiDeadline = deadline, DeadlineChangedAt = now }, cancellationToken);
        queue.Add([(meter.DeviceId, time.GetUtcNow())]);
        return TypedResults.Ok(Resource(settings, meter, options, time));
    }

    /// <summary>Snoozes the household until the given time.</summary>
    public static async Task<Results<Ok<WelfareHouseholdResource>, ProblemHttpResult>> SnoozeAsync(
        string householdId, HttpRequest request, IDeviceRegistry registry, WelfareBook book, WelfareQueue queue,
        IOptions<AnalyticsOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(time);
        if (await FindAsync(registry, householdId, cancellationToken) is not { } meter)
        {
            return NotFound(householdId);
        }

        if (await WelfareBody.ReadAsync(request, cancellationToken) is not { } body)
        {
            return WelfareBody.Refusal(request);
        }

        var value = WelfareBody.Member(body, "until", out var malformed, out var errors);
        var now = time.GetUtcNow();
        long? untilMs = null;
        if (value is not null)
        {
            var text = value.Value.ValueKind == JsonValueKind.String ? value.Value.GetString() : null;
            if (!InstantParameter.TryParse(text ?? "", "until", out untilMs, out _) || untilMs is null)
            {
                errors.Add("$.until: must be an RFC 3339 time with an offset, e.g. 2025-06-02T09:00:00+09:00.");
            }
            else if (untilMs <= now.ToUnixTimeMilliseconds() || untilMs > (now + MaxSnooze).ToUnixTimeMilliseconds())
            {
                errors.Add($"$.until: must be after now and at most {MaxSnooze.TotalDays:0} days ahead.");
            }
        }

        if (errors.Count > 0)
        {
            return WelfareProblems.Invalid(malformed, errors);
        }

        var until = DateTimeOffset.FromUnixTimeMilliseconds(untilMs!.Value);
        var settings = await book.UpdateSettingsAsync(householdId, (s, at) =>
            s with { Snoozes = [.. Ended(s.Snoozes, at), new AwayPeriod(at, until)] }, cancellationToken);
        queue.Add([(meter.DeviceId, now)]);
        return TypedResults.Ok(Resource(settings, meter, options, time));
    }

    /// <summary>Ends the snooze in force.</summary>
    public static Task<Results<Ok<WelfareHouseholdResource>, ProblemHttpResult>> EndSnoozeAsync(
        string householdId, IDeviceRegistry registry, WelfareBook book, WelfareQueue queue, IOptions<AnalyticsOptions> options,
        TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(householdId, registry, book, queue, options, time,
            (s, now) => s.Snoozes.Any(p => p.To > now) ? s with { Snoozes = Ended(s.Snoozes, now) } : null, cancellationToken);

    /// <summary>Switches away mode on.</summary>
    public static Task<Results<Ok<WelfareHouseholdResource>, ProblemHttpResult>> AwayOnAsync(
        string householdId, IDeviceRegistry registry, WelfareBook book, WelfareQueue queue, IOptions<AnalyticsOptions> options,
        TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(householdId, registry, book, queue, options, time,
            (s, now) => s.AwayModeSince is null ? s with { AwayModeSince = now } : null, cancellationToken);

    /// <summary>Switches away mode off, keeping the span as an away period.</summary>
    public static Task<Results<Ok<WelfareHouseholdResource>, ProblemHttpResult>> AwayOffAsync(
        string householdId, IDeviceRegistry registry, WelfareBook book, WelfareQueue queue, IOptions<AnalyticsOptions> options,
        TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(householdId, registry, book, queue, options, time,
            (s, now) => s.AwayModeSince is not { } since ? null
                : s with { AwayModeSince = null, AwayPeriods = since < now ? [.. s.AwayPeriods, new AwayPeriod(since, now)] : s.AwayPeriods },
            cancellationToken);

    // A change without a body; a null change leaves the settings as they are (the idempotent repeat).
    private static async Task<Results<Ok<WelfareHouseholdResource>, ProblemHttpResult>> ChangeAsync(
        string householdId, IDeviceRegistry registry, WelfareBook book, WelfareQueue queue, IOptions<AnalyticsOptions> options,
        TimeProvider time, Func<WelfareSettings, DateTimeOffset, WelfareSettings?> change, CancellationToken cancellationToken)
    {
        if (await FindAsync(registry, householdId, cancellationToken) is not { } meter)
        {
            return NotFound(householdId);
        }

        var now = time.GetUtcNow();
        var current = await book.SettingsAsync(householdId, cancellationToken);
        if (change(current, now) is null)
        {
            return TypedResults.Ok(Resource(current, meter, options, time));
        }

        var settings = await book.UpdateSettingsAsync(householdId, (s, at) => change(s, at) ?? s, cancellationToken);
        queue.Add([(meter.DeviceId, now)]);
        return TypedResults.Ok(Resource(settings, meter, options, time));
    }

    // Snoozes cut at now: the past part kept, a snooze not started yet dropped.
    private static List<AwayPeriod> Ended(IReadOnlyList<AwayPeriod> snoozes, DateTimeOffset now) =>
        [.. snoozes.Where(p => p.From < now).Select(p => p.To > now ? p with { To = now } : p)];

    private static async Task<DeviceRegistration?> FindAsync(IDeviceRegistry registry, string householdId, CancellationToken cancellationToken) =>
        (await registry.ListAsync(cancellationToken)).FirstOrDefault(d =>
            d is { Kind: DeviceKind.WaterMeter, Welfare: { Enrolled: true } w } && string.Equals(w.HouseholdId, householdId, StringComparison.Ordinal));

    private static WelfareHouseholdResource Resource(
        WelfareSettings settings, DeviceRegistration meter, IOptions<AnalyticsOptions> options, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var watch = settings.Watch(meter.Welfare!);
        return new WelfareHouseholdResource(
            settings.HouseholdId,
            (settings.GenkiDeadline ?? options.Value.Welfare.GenkiDeadline).ToString("HH:mm", CultureInfo.InvariantCulture),
            settings.GenkiDeadline is null,
            Analytics.Watch.WelfareRules.NoUseDeadline(watch).TotalHours,
            settings.Snoozes.Where(s => s.Contains(now)).Select(s => (DateTimeOffset?)s.To).Max(),
            [.. settings.Snoozes.Select(p => new WelfarePeriodResource(p.From, p.To))],
            settings.AwayModeSince is not null,
            settings.AwayModeSince,
            [.. settings.AwayPeriods.Select(p => new WelfarePeriodResource(p.From, p.To))],
            settings.UpdatedAt);
    }

    private static ProblemHttpResult NotFound(string householdId) =>
        WelfareProblems.NoHousehold($"No enrolled household has the id {DetailText.Quote(householdId)}.");

    private static void Describe(RouteHandlerBuilder endpoint, bool body = false)
    {
        endpoint.RequireEndpointGroup(EndpointGroup.WelfareEvents)
            .Produces<WelfareHouseholdResource>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        if (body)
        {
            endpoint.Accepts<JsonElement>("application/json")
                .ProducesProblem(StatusCodes.Status400BadRequest)
                .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
                .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
                .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        }
    }
}
