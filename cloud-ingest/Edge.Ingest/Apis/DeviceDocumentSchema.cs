using System.Text.Json.Nodes;
using Edge.Ingest.Normalisation.Units;
using Edge.Ingest.Registry;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Edge.Ingest.Apis;

/// <summary>
/// The OpenAPI description of a device document (DOMAIN.md, "Device registry seed"), the body of
/// <c>PUT /v1/admin/devices/{id}</c>, which the handler reads itself through <see cref="DeviceDocument"/>.
/// </summary>
public static class DeviceDocumentSchema
{
    /// <summary>Describes the request body of <c>PUT /v1/admin/devices/{id}</c>.</summary>
    public static Task DescribePutBodyAsync(
        OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "One device, as a seed file's devices[] entry; its deviceId must be the id in the path.",
            Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = Device() } },
        };
        return Task.CompletedTask;
    }

    /// <summary>The schema of one device document.</summary>
    public static OpenApiSchema Device() => Object(
        "A registered device: its gateway, kind, place, channels and, for water meters, meter and welfare details.",
        ["deviceId", "gatewayId", "kind", "location", "areaCode", "channels"],
        ("deviceId", Text("Device id as the device sends it.")),
        ("gatewayId", Text("The gateway that may write for this device.")),
        ("kind", Enum("What the device is; each kind needs a channel of its quantity.", DeviceKindNames.Names)),
        ("location", Object("WGS 84 position.", ["lat", "lon"],
            ("lat", Number("Latitude, degrees.")), ("lon", Number("Longitude, degrees.")))),
        ("areaCode", Text("JIS X 0402 code of a Tokyo municipality: 5 digits, or 6 with the check digit (131016 = Chiyoda).")),
        ("statusArea", Text(
            "Water meters only: the status area (町丁目 or district metered area id of the area catalogue) the meter " +
            "counts in for GET /v1/areas/status; letters, digits, '-', '_', '.'. Default: the municipality (areaCode).")),
        ("channels", new OpenApiSchema
        {
            Type = JsonSchemaType.Array,
            Description = "The channels the device sends.",
            Items = Object("One channel.", ["name", "quantity", "unit"],
                ("name", Text("Channel name as sent.")),
                ("quantity", Enum("What the channel measures.", QuantityNames.Names)),
                ("unit", Text("The unit the device sends; one the quantity accepts (see DOMAIN.md, Units).")),
                ("multiplier", Number("Scales the sent value before conversion (e.g. 10 for 10 l per pulse). Default 1."))),
        }),
        ("meter", Object("Water meters only, required for them.", ["q3"],
            ("registerDigits", new OpenApiSchema
            {
                Type = JsonSchemaType.Integer,
                Description = "Whole-m³ digits of the register: it rolls over at 10^digits m³. Leave out if it never does.",
            }),
            ("q3", Number("Permanent flow rate Q3 in m³/h (Q4 = 1.25 × Q3, ISO 4064-1).")),
            ("serial", Text("Meter serial number; a new serial is a replacement.")),
            ("occupied", new OpenApiSchema
            {
                Type = JsonSchemaType.Boolean,
                Description = "The account is marked occupied: 30 days without consumption is then a stuck meter. Default false.",
            }),
            ("uploadInterval", Text(
                "ISO 8601 duration the device is expected to upload at, PT1M to P7D (e.g. PT1H): no communication is late " +
                "after it + 2 h and lost after 3 × it. Default: the alarm options' (P1D).")))),
        ("welfare", Object("Water meters only: the household's welfare-watch enrolment.", ["enrolled", "householdId"],
            ("enrolled", new OpenApiSchema { Type = JsonSchemaType.Boolean, Description = "Enrolled in welfare watch." }),
            ("householdId", Text("The household's id, shown to the welfare office only.")),
            ("noUseAlertAfter", Text("ISO 8601 duration of no use before an alert (at most 7 days), e.g. PT12H.")),
            ("sleep", new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Description = "Local (Asia/Tokyo) sleep windows, end exclusive, may cross midnight.",
                Items = Object("A daily window.", ["from", "to"], ("from", Text("HH:mm")), ("to", Text("HH:mm"))),
            }),
            ("away", new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Description = "Periods away from home.",
                Items = Object("A period.", ["from", "to"],
                    ("from", Text("Instant with offset.", "date-time")), ("to", Text("Instant with offset.", "date-time"))),
            }))));

    private static OpenApiSchema Object(string description, string[] required, params (string Name, OpenApiSchema Schema)[] properties) => new()
    {
        Type = JsonSchemaType.Object,
        Description = description,
        Required = new HashSet<string>(required, StringComparer.Ordinal),
        AdditionalPropertiesAllowed = false,
        Properties = properties.ToDictionary(p => p.Name, p => (IOpenApiSchema)p.Schema, StringComparer.Ordinal),
    };

    private static OpenApiSchema Text(string description, string? format = null) =>
        new() { Type = JsonSchemaType.String, Description = description, Format = format };

    private static OpenApiSchema Number(string description) => new() { Type = JsonSchemaType.Number, Description = description };

    private static OpenApiSchema Enum(string description, IReadOnlyList<string> values) => new()
    {
        Type = JsonSchemaType.String,
        Description = description,
        Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))],
    };
}
