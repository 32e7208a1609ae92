using System.ComponentModel;
using System.Text;
using Edge.Ingest.Auth;
using Edge.Ingest.Consumption;
using Edge.Ingest.Export;
using Edge.Ingest.Registry;
using Edge.Ingest.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Edge.Ingest.Apis;

/// <summary>Route table and handlers of the exports.</summary>
public static class ExportApi
{
    /// <summary>Content type of the billing CSV (RFC 4180 §3).</summary>
    public const string CsvContentType = "text/csv; charset=utf-8; header=present";

    /// <summary>Maps <c>GET /v1/export/billing.csv</c>.</summary>
    public static IEndpointRouteBuilder MapExportApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/export").WithTags("Export");
        api.MapGet("/billing.csv", GetBillingCsvAsync)
            .WithName("GetBillingCsv")
            .WithDescription(
                "Billing CSV (DOMAIN.md, \"Billing CSV\"): one row per registered water meter and period, ordered by " +
                "meter then period; start and end register, volume and quality; a period without readings near both " +
                "ends has an empty volume and quality 'missing'. Quarantined readings are left out.")
            .RequireEndpointGroup(EndpointGroup.MeterExport)
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    /// <summary>The billing CSV.</summary>
    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetBillingCsvAsync(
        [Description("Inclusive first Tokyo month, e.g. 2026-06 (or a date / hour instant with interval=day / hour).")] string? from,
        [Description("Exclusive end, in the same form as 'from'.")] string? to,
        [Description("Only meters of this Tokyo municipality (JIS X 0402); default: all.")] string? area,
        [Description("Period length: month (default), day or hour.")] string? interval,
        IIngestStore store,
        IDeviceRegistry registry,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registry);
        AreaCode? only = null;
        if (!string.IsNullOrEmpty(area))
        {
            if (!AreaCode.TryParse(area, out var parsed, out var areaProblem))
            {
                return Problems.InvalidQuery(areaProblem);
            }

            if (!AreaCatalog.Tokyo.Contains(parsed))
            {
                return Problems.InvalidQuery($"{DetailText.Quote(area)} is not one of Tokyo's municipalities.");
            }

            only = parsed;
        }

        if (!ConsumptionQuery.TryParse(interval ?? "month", from, to, out var query, out var problem))
        {
            return Problems.InvalidQuery(problem);
        }

        var devices = only is { } code
            ? await registry.ListByAreaAsync(code, cancellationToken)
            : await registry.ListAsync(cancellationToken);
        var rows = new List<BillingRow>();
        foreach (var meter in devices.Where(d => d.Kind == DeviceKind.WaterMeter))
        {
            var intervals = await ConsumptionLoader.LoadAsync(store, meter, query.Boundaries, cancellationToken);
            rows.AddRange(intervals.Select(i => new BillingRow(meter.DeviceId, i)));
        }

        return TypedResults.Text(BillingCsv.ToCsv(rows, TokyoTime.Zone), CsvContentType, Encoding.UTF8);
    }
}
