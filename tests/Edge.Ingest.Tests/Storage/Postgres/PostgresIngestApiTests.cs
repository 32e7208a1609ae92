using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Edge.Ingest.Model;
using Edge.Ingest.Registry;
using Edge.Ingest.Storage;
using Edge.Ingest.Storage.Postgres;
using Edge.Ingest.Tests.Registry;
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

    [Fact]
    public async Task PostBatch_PostgresUnknownMeterThenRegistered_QuarantinedThenReleasedIntoConsumption()
    {
        var connectionString = await server.CreateDatabaseAsync();
        try
        {
            using var dir = new TempDirectory();
            await using var app = new IngestAppFactory(dir.DatabasePath, new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "postgres",
                ["Storage:ConnectionString"] = connectionString,
            });
            using var gateway = app.CreateClient(IngestAppFactory.Gateway1Key);
            var h22 = IngestAppFactory.Start.AddHours(-2);
            var batch = TestBatches.Litres("gw-1", 1, "wm-1", (1, h22, 1000), (2, h22.AddHours(1), 1300));
            var accepted = await ApiAssert.AcceptedAsync(await gateway.PostAsync("/v1/batches", TestBatches.Binary(batch)));
            using var admin = app.CreateClient(IngestAppFactory.AdminKey);
            var quarantined = (await admin.GetFromJsonAsync<QuarantineList>("/v1/admin/quarantine"))!;

            var put = await admin.PutAsync(
                new Uri("/v1/admin/devices/wm-1", UriKind.Relative),
                new StringContent(DeviceDocument.Write(Registrations.Meter("wm-1")), Encoding.UTF8, "application/json"));

            Assert.Equal(2, accepted.Quarantined);
            Assert.Equal([new QuarantineEntry("wm-1", "gw-1", 2, h22, h22.AddHours(1))], quarantined.Devices);
            Assert.Equal(2, (await put.Content.ReadFromJsonAsync<DeviceRegistered>())!.ReleasedReadings);
            var consumption = (await admin.GetFromJsonAsync<MeterConsumption>(
                "/v1/meters/wm-1/consumption?interval=hour&from=2025-05-31T22:00:00Z&to=2025-05-31T23:00:00Z"))!;

            // 1300 l - 1000 l = 0.3 m³.
            Assert.Equal(0.3m, Assert.Single(consumption.Intervals).VolumeM3);
            Assert.Empty((await admin.GetFromJsonAsync<QuarantineList>("/v1/admin/quarantine"))!.Devices);
        }
        finally
        {
            await server.DropDatabaseAsync(connectionString);
        }
    }
}
