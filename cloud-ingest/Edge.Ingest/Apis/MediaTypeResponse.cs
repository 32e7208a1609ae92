using Microsoft.OpenApi;

namespace Edge.Ingest.Apis;

/// <summary>Describes a 200 answer whose body the handler writes itself (GeoJSON, an event stream) in the OpenAPI document.</summary>
public static class MediaTypeResponse
{
    /// <summary>Adds the 200 response with <paramref name="mediaType"/> and a string schema described by <paramref name="description"/>.</summary>
    public static RouteHandlerBuilder WithOkMediaType(this RouteHandlerBuilder builder, string mediaType, string description) =>
        builder.AddOpenApiOperationTransformer((operation, context, cancellationToken) =>
        {
            operation.Responses ??= [];
            operation.Responses["200"] = new OpenApiResponse
            {
                Description = description,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    [mediaType] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = description } },
                },
            };
            return Task.CompletedTask;
        });
}
