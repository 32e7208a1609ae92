using System.Text.Json.Serialization;
using Edge.Ingest.Analytics;
using Edge.Ingest.Analytics.Recompute;
using Edge.Ingest.Analytics.Welfare;
using Edge.Ingest.Apis;
using Edge.Ingest.Auth;
using Edge.Ingest.Normalisation;
using Edge.Ingest.Normalisation.Units;
using Edge.Ingest.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Edge.Ingest;

/// <summary>
/// Builds the ingest web application. <c>Program</c> runs it; the hardware simulator starts it in-process,
/// e.g. with <c>--urls http://127.0.0.1:5080 --Edge:Ingest:DatabasePath=/tmp/run/ingest.db</c>.
/// </summary>
public static class IngestHost
{
    /// <summary>Creates the configured application from command-line arguments; call <c>RunAsync</c> or <c>StartAsync</c> on it.</summary>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        AddServices(builder.Services);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();

        // The operator's page (wwwroot/dashboard, embedded so it is served wherever the ingest runs): /dashboard/.
        var dashboard = new EmbeddedFileProvider(typeof(IngestHost).Assembly, "Edge.Ingest.dashboard");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = dashboard, RequestPath = "/dashboard" });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = dashboard, RequestPath = "/dashboard" });
        app.MapOpenApi();
        app.MapHealthChecks("/healthz");
        app.MapIngestApi();
        app.MapQueryApi();
        app.MapAdminApi();
        app.MapConsumptionApi();
        app.MapExportApi();
        app.MapWelfareApi();
        app.MapWelfareEventsApi();
        app.MapWelfareHouseholdsApi();
        app.MapNgsiLdApi();
        app.MapGatewayControlApi();
        app.MapAlarmsApi();
        app.MapAreaStatusApi();
        app.MapAreaBalanceApi();
        app.MapStreamApi();
        return app;
    }

    private static void AddServices(IServiceCollection services)
    {
        services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<IngestOptions>, IngestOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<ICallerIdentityResolver, ApiKeyIdentityResolver>();
        services.AddSingleton(ChannelValueNormaliser.Default);
        services.AddSingleton<GatewayRateLimiter>();
        services.AddSingleton<BatchNormaliser>();
        services.AddIngestStore();
        services.AddEdgeAnalytics();
        services.AddEdgeAlarms();
        services.AddEdgeWelfare();
        services.AddProblemDetails();

        // Numbers are numbers: no quoted numbers on input, and the OpenAPI schemas say plain integer/number.
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.NumberHandling = JsonNumberHandling.Strict);
        services.AddIngestOpenApi();
    }
}
