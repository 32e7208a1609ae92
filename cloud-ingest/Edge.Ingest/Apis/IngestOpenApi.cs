using Edge.Ingest.Auth;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Edge.Ingest.Apis;

/// <summary>The OpenAPI document (<c>/openapi/v1.json</c>): API-key security scheme and the batch body formats.</summary>
public static class IngestOpenApi
{
    /// <summary>Id of the API-key security scheme in the document's components.</summary>
    public const string SecuritySchemeId = "ApiKey";

    /// <summary>Registers the OpenAPI document generator with this service's transformers.</summary>
    public static IServiceCollection AddIngestOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer(DescribeDocumentAsync);
            options.AddOperationTransformer(DescribeSecurityAsync);
        });

    /// <summary>Describes the request body of <c>POST /v1/batches</c>, which the handler reads itself.</summary>
    public static async Task DescribeBatchBodyAsync(
        OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var thirdParty = await context.GetOrCreateSchemaAsync(typeof(ThirdParty.ThirdPartyReadingsRequest), null, cancellationToken);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "One batch, in the binary format v1 or its JSON rendering (both defined by Edge.Uplink), or a " +
                "third-party reading document (edge.readings/1) for meters Edge does not manage.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [BatchContentType.Binary] = new()
                {
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
                },
                [BatchContentType.Json] = new()
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Description = "The JSON rendering of a batch (Edge.Uplink BatchJson).",
                    },
                },
                [BatchContentType.ThirdPartyReadings] = new() { Schema = thirdParty },
            },
        };
    }

    /// <summary>Describes the request body of <c>PUT /v1/gateways/{id}/desired</c> (CONTROL.md), which the handler reads itself.</summary>
    public static Task DescribeDesiredBodyAsync(
        OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken) =>
        DescribeJsonBody(operation,
            "A desired configuration document: {\"version\"?: int >= 1, \"disasterMode\": {\"on\": bool, \"since\"?: ISO 8601, " +
            "\"reason\"?: string <= 200}, \"normal\"?: profile, \"disaster\"?: profile}; a profile is {\"samplingSeconds\"?: 10..86400, " +
            "\"reportingSeconds\"?: >= samplingSeconds, <= 604800, \"classes\"?: {alarm|status|reading|backfill: {\"ttlDays\"?, \"share\"?}}, " +
            "\"links\"?: {name: {\"allow\"?: [alarm, status, reading, backfill, gap], \"dailyBytes\"?, \"monthlyBytes\"?}}} " +
            "(link budgets given here are a separate emergency budget). Unknown members are errors.");

    /// <summary>Describes the request body of <c>PUT /v1/gateways/{id}/reported</c>.</summary>
    public static Task DescribeReportedBodyAsync(
        OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken) =>
        DescribeJsonBody(operation,
            "A gateway report: {\"gatewayId\": string (the path's), \"appliedVersion\": int >= 0, \"disasterMode\": bool, " +
            "\"sources\": [cloud, file, gpio, seismic], \"at\": ISO 8601, \"rejectedVersion\"?: int, \"rejectedReason\"?: string <= 160}.");

    private static Task DescribeJsonBody(OpenApiOperation operation, string description)
    {
        ArgumentNullException.ThrowIfNull(operation);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.Object, Description = description } },
            },
        };
        return Task.CompletedTask;
    }

    private static Task DescribeDocumentAsync(
        OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Edge ingest API";
        document.Info.Description =
            "Gateways submit batches of meter readings; readers query normalised readings (SI units, UTC). " +
            "Errors are RFC 9457 problem details.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SecuritySchemeId] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyIdentityResolver.HeaderName,
            Description = "API key; its role (gateway, reader, admin) decides which endpoints it may call.",
        };
        return Task.CompletedTask;
    }

    private static Task DescribeSecurityAsync(
        OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var required = context.Description.ActionDescriptor.EndpointMetadata.OfType<RequiredCallerRoles>().FirstOrDefault();
        if (required is null)
        {
            return Task.CompletedTask;
        }

        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(SecuritySchemeId, context.Document)] = [],
        });
        var roles = string.Join(", ", required.Roles.Select(CallerRoleNames.ToName));
        operation.Description = $"{operation.Description} Roles: {roles}.".TrimStart();
        return Task.CompletedTask;
    }
}
