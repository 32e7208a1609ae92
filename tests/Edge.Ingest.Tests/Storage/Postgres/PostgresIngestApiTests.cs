using System.Net.Http.Json;
using System.Text.Json;
using Edge.Ingest.Storage;
using Edge.Ingest.Storage.Postgres;
using Edge.Ingest.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Edge.Ingest.Tests.Storage.Postgres;

/// <summary>The ingest app configured for PostgreSQL stores and answers through it.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresIngestApiTests(PostgresServer server)
{
    [Fact]
    public async Task PostBatch_PostgresProvider_StoredOnceAndReadBack()
    {
        var connectionString = await server.CreateDatabaseAsync();
        try
        {
            using var dir = new TempDirectory();
            await using (var app = new IngestAppFactory(dir.DatabasePath, new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "postgres",
                ["Storage:ConnectionString"] = connectionString,
            }))
            {
                using var gateway = app.CreateClient(IngestAppFactory.Gateway1Key);
                var batch = TestBatches.Litres("gw-1", 1, "meter-p", (1, IngestAppFactory.Start.AddHours(-2), 10), (2, IngestAppFactory.Start.AddHours(-1), 12));
                await ApiAssert.AcceptedAsync(await gateway.PostAsync("/v1/batches", TestBatches.Binary(batch)));
                await ApiAssert.AcceptedAsync(await gateway.PostAsync("/v1/batches", TestBatches.Binary(batch)));
                using var reader = app.CreateClient(IngestAppFactory.ReaderKey);

                var body = await reader.GetFromJsonAsync<JsonElement>("/v1/meters/meter-p/readings");

                Assert.IsType<PostgresIngestStore>(app.Services.GetRequiredService<IIngestStore>());
                Assert.Equal(2, body.GetProperty("readings").GetArrayLength());
                var stats = await app.Services.GetRequiredService<IIngestStore>().GetStatsAsync(default);
                Assert.Equal((1L, 1L, 2L), (stats.Batches, stats.DuplicateBatches, stats.Readings));
            }

            Assert.False(File.Exists(dir.DatabasePath));
        }
        finally
        {
            await server.DropDatabaseAsync(connectionString);
        }
    }
}
