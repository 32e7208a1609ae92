using Edge.Ingest;

var app = IngestHost.Build(args);
await app.RunAsync();

/// <summary>Entry point; public so that <c>WebApplicationFactory&lt;Program&gt;</c> can start the app in tests.</summary>
public partial class Program;
