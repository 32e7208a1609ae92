using System.Globalization;
using Edge.Ingest.Apis.ThirdParty;
using Edge.Ingest.Auth;
using Edge.Ingest.Model;
using Edge.Ingest.Registry;
using Edge.Ingest.Storage;
using Edge.Uplink;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Edge.Ingest.Apis;

/// <summary>Route table and handlers of the gateway-facing ingest endpoints.</summary>
public static class IngestApi
{
    /// <summary>Maps <c>POST /v1/batches</c>.</summary>
    public static IEndpointRouteBuilder MapIngestApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1").WithTags("Ingest");
        api.MapPost("/batches", PostBatchAsync)
            .WithName("PostBatch")
            .WithDescription(
                "Stores a batch exactly once. The batch id is (gatewayId, sequence): a batch seen before answers " +
                "200 with duplicate=true and changes nothing. Readings are keyed by (deviceId, seq): known ones " +
                "are dropped and counted. A reading in an unsupported unit, with an undefined clock quality or " +
                "observed more than MaxFutureSkew ahead of the server clock is set aside on its own (counted in " +
                "'rejected', the first 20 listed in 'rejections', all kept for GET /v1/rejected); the rest of the " +
                "batch is stored. The answer is sent only after the batch is committed to disk. A request refused " +
                "with a problem (a defect of the batch itself) changes nothing. A device registered to another gateway " +
                "refuses the whole batch (403 device-not-owned); readings of an unregistered device are stored " +
                "quarantined (counted in 'quarantined', listed by GET /v1/admin/quarantine, out of consumption until " +
                "the device is registered). A batch whose every reading is observed too far ahead of the server clock is " +
                "refused whole (422 readings-in-future): nothing of it is stored, so it is accepted when sent again later.")
            .RequireCallerRole(CallerRole.Gateway)
            .AddOpenApiOperationTransformer(IngestOpenApi.DescribeBatchBodyAsync)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    /// <summary>Submit a gateway batch.</summary>
    public static async Task<Results<Ok<BatchAccepted>, ProblemHttpResult>> PostBatchAsync(
        HttpRequest request, [AsParameters] IngestServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(services);
        var result = await AcceptAsync(request, services, cancellationToken);
        if (result.Result is ProblemHttpResult problem)
        {
            IngestLog.BatchRejected(services.Logger, problem.StatusCode, problem.ProblemDetails.Detail);
        }

        return result;
    }

    private static async Task<Results<Ok<BatchAccepted>, ProblemHttpResult>> AcceptAsync(
        HttpRequest request, IngestServices services, CancellationToken cancellationToken)
    {
        var caller = request.HttpContext.Features.Get<CallerIdentity>()
            ?? throw new InvalidOperationException("The caller role filter did not run.");
        var gatewayId = caller.GatewayId ?? throw new InvalidOperationException("A gateway key without a gateway id.");
        var options = services.Options.Value;

        // Before anything is read: a refused request costs the service next to nothing.
        if (!services.RateLimiter.TryAcquire(gatewayId, out var retryAfter))
        {
            var seconds = (long)Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds));
            request.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return Problems.RateLimited(string.Create(CultureInfo.InvariantCulture,
                $"Gateway {DetailText.Quote(gatewayId)} has sent more than its limit of {options.RateLimit.RequestsPerMinute} " +
                $"requests per minute (bursts of {options.RateLimit.Burst}); try again in {seconds} s."));
        }

        var mediaType = BatchContentType.Match(request.ContentType, out var typeProblem);
        if (mediaType is null)
        {
            return Problems.UnsupportedContentType(typeProblem!);
        }

        if (await BatchBodyReader.ReadAsync(request, options.MaxBodyBytes, cancellationToken) is not { } body)
        {
            return Problems.BodyTooLarge(
                $"The request body is larger than {options.MaxBodyBytes} bytes, the most this service accepts.");
        }

        var now = services.Time.GetUtcNow();
        Batch batch;
        if (mediaType == BatchContentType.ThirdPartyReadings)
        {
            var parsed = ThirdPartyReadingParser.Parse(body, options.MaxReadingsPerBatch);
            if (parsed.Readings is not { } thirdParty)
            {
                var malformed = parsed.Errors is [{ Message: var m }] && m.StartsWith("Not valid JSON", StringComparison.Ordinal);
                return Problems.DocumentErrors(malformed, string.Create(CultureInfo.InvariantCulture,
                    $"The readings document has {parsed.Errors.Count} defect(s); nothing of it is stored. First: {parsed.Errors[0]}"),
                    parsed.Errors);
            }

            // A third-party system writes as the gateway of its key (a "virtual gateway"), for the devices registered to it.
            batch = ThirdPartyBatch.Create(gatewayId, thirdParty, now);
        }
        else
        {
            try
            {
                batch = BatchContentType.Decode(mediaType, body, DecodeOptions(options));
            }
            catch (BatchFormatException ex)
            {
                return Problems.MalformedBatch(ex.Message);
            }

            if (!string.Equals(batch.GatewayId, gatewayId, StringComparison.Ordinal))
            {
                return Problems.GatewayMismatch(
                    $"The batch is from gateway {DetailText.Quote(batch.GatewayId)}, but this API key belongs to " +
                    $"gateway {DetailText.Quote(gatewayId)}.");
            }
        }

        if (services.Normaliser.Check(batch) is { } batchProblem)
        {
            return Problems.InvalidBatch(batchProblem);
        }

        // One registry look-up per batch: admission first (another gateway's device refuses everything), then each
        // channel is normalised by its registration.
        var deviceIds = batch.Devices.Where(d => d.Channels.Any(c => c.Points.Count > 0))
            .Select(d => d.DeviceId).Distinct(StringComparer.Ordinal).ToList();
        var registrations = await services.Registry.FindManyAsync(deviceIds, cancellationToken);
        var decisions = deviceIds
            .Select(id => DeviceAdmission.Decide(gatewayId, id, registrations.GetValueOrDefault(id)))
            .ToList();
        var refused = decisions.Where(d => d.Outcome == WriteOutcome.RefuseOtherGateway)
            .OrderBy(d => d.DeviceId, StringComparer.Ordinal).ToList();
        if (refused.Count > 0)
        {
            var more = refused.Count > 1 ? $" So are {refused.Count - 1} more of its devices." : "";
            return Problems.DeviceNotOwned($"{refused[0].Reason}{more} Nothing of the batch is stored.");
        }

        var quarantinedDevices = decisions.Where(d => d.Outcome == WriteOutcome.QuarantineUnknown)
            .Select(d => d.DeviceId).Order(StringComparer.Ordinal).ToList();
        var normalised = services.Normaliser.Normalise(batch, now, registrations);
        if (normalised.Readings is not { } readings)
        {
            return Problems.InvalidBatch(normalised.Error!);
        }

        if (readings.Count == 0 && batch.Events.Count == 0 && batch.Gaps.Count == 0
            && normalised.Rejected is [_, ..] future && future.All(r => r.InFuture))
        {
            // Nothing would be stored: refuse the batch whole. The gateway keeps a refused batch and offers it again
            // later, when its readings are no longer ahead of this clock.
            return Problems.ReadingsInFuture(
                string.Create(CultureInfo.InvariantCulture,
                    $"Every reading of batch {batch.GatewayId}/{batch.Sequence} ({future.Count}) is observed more than " +
                    $"{options.MaxFutureSkew} ahead of the server clock; nothing of it is stored. First: {future[0].Reason}"),
                [.. future.Take(BatchAccepted.MaxListedRejections).Select(r => new Rejection(r.DeviceId, r.Seq, r.Reason))]);
        }

        var quarantined = quarantinedDevices.Count == 0 ? 0 : readings.Count(r => r.Quarantined);
        var write = new BatchWrite(
            batch.GatewayId, batch.Sequence, batch.CreatedUnixMs, now.ToUnixTimeMilliseconds(),
            readings, normalised.Rejected, batch.Events, batch.Gaps);
        var outcome = await services.Store.StoreBatchAsync(write, cancellationToken);
        IngestLog.BatchStored(
            services.Logger, write.BatchId, outcome.Duplicate, outcome.Stored, outcome.Duplicates, outcome.Rejected);
        if (outcome.Rejected > 0)
        {
            IngestLog.ReadingsSetAside(services.Logger, write.BatchId, outcome.Rejected, outcome.SetAside[0].Reason);
        }

        if (!outcome.Duplicate)
        {
            // The alarms of the meters touched are recomputed in the background; the answer does not wait for them.
            var meters = readings
                .Where(r => !r.Quarantined && registrations.GetValueOrDefault(r.DeviceId)?.Kind == DeviceKind.WaterMeter)
                .GroupBy(r => r.DeviceId, StringComparer.Ordinal)
                .Select(g => (g.Key, DateTimeOffset.FromUnixTimeMilliseconds(g.Min(r => r.ObservedUnixMs))))
                .ToList();
            services.Alarms.Add(meters);

            // So is the welfare watch of the enrolled households among them.
            services.Welfare.Add(meters.Where(m => registrations.GetValueOrDefault(m.Key)?.IsWelfareEnrolled == true));
        }

        var rejections = outcome.SetAside
            .Take(BatchAccepted.MaxListedRejections)
            .Select(r => new Rejection(r.DeviceId, r.Seq, r.Reason))
            .ToList();
        return TypedResults.Ok(new BatchAccepted(
            write.BatchId, outcome.Duplicate, outcome.Stored, outcome.Duplicates, outcome.Rejected, rejections,
            outcome.Duplicate ? 0 : quarantined, outcome.Duplicate ? [] : quarantinedDevices));
    }

    // The decoder's reading limit guards memory before a batch is expanded; it sits above the policy limit so
    // that a batch just over MaxReadingsPerBatch gets the precise 422 from the normaliser instead of a 400.
    private static BatchDecodeOptions DecodeOptions(IngestOptions options) => new()
    {
        MaxReadings = (int)Math.Min(2L * options.MaxReadingsPerBatch, int.MaxValue),
    };
}
