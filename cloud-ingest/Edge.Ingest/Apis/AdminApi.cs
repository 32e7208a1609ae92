using System.ComponentModel;
using System.Text;
using System.Text.Json;
using Edge.Ingest.Analytics.Recompute;
using Edge.Ingest.Auth;
using Edge.Ingest.Json;
using Edge.Ingest.Model;
using Edge.Ingest.Registry;
using Edge.Ingest.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Edge.Ingest.Apis;

/// <summary>Route table and handlers of the operator endpoints: the device registry and the quarantine.</summary>
public static class AdminApi
{
    /// <summary>Largest registration document accepted by <c>PUT /v1/admin/devices/{id}</c>.</summary>
    public const int MaxDeviceDocumentBytes = 256 * 1024;

    /// <summary>Maps <c>/v1/admin/devices</c>, <c>/v1/admin/devices/{id}</c> and <c>/v1/admin/quarantine</c>.</summary>
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/admin").WithTags("Admin");
        api.MapGet("/devices", ListDevicesAsync)
            .WithName("ListDevices")
            .WithDescription("Every registered device, in the seed-file form (DOMAIN.md), ordered by device id.")
            .RequireEndpointGroup(EndpointGroup.Registry)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/devices/{id}", GetDeviceAsync)
            .WithName("GetDevice")
            .WithDescription("One registration.")
            .RequireEndpointGroup(EndpointGroup.Registry)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("/devices/{id}", PutDeviceAsync)
            .WithName("PutDevice")
            .AddOpenApiOperationTransformer(DeviceDocumentSchema.DescribePutBodyAsync)
            .WithDescription(
                "Registers or replaces a device (application/json, one seed-file device entry whose deviceId is the " +
                "id in the path). Validated like a seed: every defect is listed in 'errors' with its JSON path and " +
                "nothing is changed. Registering releases the device's quarantined readings sent by its gateway. A water " +
                "meter's alarms are recomputed soon after (its occupancy and upload interval decide what is judged).")
            .RequireEndpointGroup(EndpointGroup.Registry)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapDelete("/devices/{id}", DeleteDeviceAsync)
            .WithName("DeleteDevice")
            .WithDescription("Removes a registration; the device's stored readings stay, later ones are quarantined.")
            .RequireEndpointGroup(EndpointGroup.Registry)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/quarantine", GetQuarantineAsync)
            .WithName("GetQuarantine")
            .WithDescription(
                "Readings of unregistered devices, kept apart from consumption: per device and sending gateway, the " +
                "count and the first and last observed time. Register a device to release its readings.")
            .RequireEndpointGroup(EndpointGroup.Quarantine)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    /// <summary>Every registered device.</summary>
    public static async Task<Ok<DeviceList>> ListDevicesAsync(IDeviceRegistry registry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var devices = await registry.ListAsync(cancellationToken);
        return TypedResults.Ok(new DeviceList([.. devices.Select(ToElement)]));
    }

    /// <summary>One registration.</summary>
    public static async Task<Results<Ok<JsonElement>, ProblemHttpResult>> GetDeviceAsync(
        [Description("Device id.")] string id, IDeviceRegistry registry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return await registry.FindAsync(id, cancellationToken) is { } device
            ? TypedResults.Ok(ToElement(device))
            : Problems.UnknownDevice($"No device {DetailText.Quote(id)} is registered.");
    }

    /// <summary>Register or replace a device.</summary>
    public static async Task<Results<Created<DeviceRegistered>, Ok<DeviceRegistered>, ProblemHttpResult>> PutDeviceAsync(
        [Description("Device id; must equal the document's deviceId.")] string id,
        HttpRequest request,
        StoreDeviceRegistry registry,
        DeviceRegistrationValidator validator,
        AlarmRecomputeQueue alarms,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(alarms);
        ArgumentNullException.ThrowIfNull(time);
        if (!IsJson(request.ContentType))
        {
            return Problems.UnsupportedContentType(
                $"A device registration is sent as application/json (UTF-8), not {DetailText.Quote(request.ContentType ?? "")}.");
        }

        if (await BatchBodyReader.ReadAsync(request, MaxDeviceDocumentBytes, cancellationToken) is not { } body)
        {
            return Problems.BodyTooLarge($"A device registration is at most {MaxDeviceDocumentBytes} bytes.");
        }

        string json;
        try
        {
            json = new UTF8Encoding(false, true).GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return Problems.InvalidDevice(StatusCodes.Status400BadRequest, "The body is not UTF-8.", [new JsonPathError("$", "Not UTF-8.")]);
        }

        var (device, errors) = DeviceDocument.Read(json, validator);
        if (device is null)
        {
            var status = errors is [{ Message: var m }] && m.StartsWith("Not valid JSON", StringComparison.Ordinal)
                ? StatusCodes.Status400BadRequest
                : StatusCodes.Status422UnprocessableEntity;
            return Problems.InvalidDevice(status, $"The registration has {errors.Count} defect(s): {errors[0]}", errors);
        }

        if (!string.Equals(device.DeviceId, id, StringComparison.Ordinal))
        {
            JsonPathError mismatch = new("$.deviceId",
                $"The document is for {DetailText.Quote(device.DeviceId)}, but the path names {DetailText.Quote(id)}.");
            return Problems.InvalidDevice(StatusCodes.Status422UnprocessableEntity, mismatch.ToString(), [mismatch]);
        }

        var (result, released) = await registry.RegisterAsync(device, cancellationToken);
        if (!result.Succeeded)
        {
            return Problems.InvalidDevice(
                StatusCodes.Status422UnprocessableEntity, $"The registration is invalid: {result.Errors[0]}", result.Errors);
        }

        if (device is { Kind: DeviceKind.WaterMeter, Meter: not null })
        {
            // Occupancy and the upload interval decide what the alarms judge: recompute the meter now (its lookback
            // covers the stuck-meter span) rather than at its next batch.
            alarms.Add([(device.DeviceId, time.GetUtcNow())]);
        }

        var answer = new DeviceRegistered(result.Created, released, ToElement(device));
        return result.Created
            ? TypedResults.Created($"/v1/admin/devices/{Uri.EscapeDataString(id)}", answer)
            : TypedResults.Ok(answer);
    }

    /// <summary>Remove a registration.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteDeviceAsync(
        [Description("Device id.")] string id, IDeviceRegistry registry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return await registry.RemoveAsync(id, cancellationToken)
            ? TypedResults.NoContent()
            : Problems.UnknownDevice($"No device {DetailText.Quote(id)} is registered.");
    }

    /// <summary>The quarantine, per device and gateway.</summary>
    public static async Task<Ok<QuarantineList>> GetQuarantineAsync(IRegistryStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var rows = await store.GetQuarantineAsync(cancellationToken);
        return TypedResults.Ok(new QuarantineList([.. rows.Select(q => new QuarantineEntry(
            q.DeviceId, q.GatewayId, q.Readings, DateTimeOffset.FromUnixTimeMilliseconds(q.FirstObservedUnixMs),
            DateTimeOffset.FromUnixTimeMilliseconds(q.LastObservedUnixMs)))]));
    }

    private static JsonElement ToElement(DeviceRegistration device)
    {
        using var document = JsonDocument.Parse(DeviceDocument.Write(device));
        return document.RootElement.Clone();
    }

    private static bool IsJson(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)
        && string.Equals(media.MediaType.Value, "application/json", StringComparison.OrdinalIgnoreCase)
        && (media.Charset.Value is null || string.Equals(media.Charset.Value, "utf-8", StringComparison.OrdinalIgnoreCase));
}
