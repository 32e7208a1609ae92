using System.Net.Http.Json;
using Edge.Ingest.Model;
using Edge.Ingest.Tests.Support;

namespace Edge.Ingest.Tests.Registry;

public sealed class RegistrySeederTests
{
    [Fact]
    public async Task Start_DemoSeedFile_AllTenDevicesRegistered()
    {
        using var dir = new TempDirectory();
        var seed = Path.Combine(AppContext.BaseDirectory, "Registry", "demo-seed.json");
        await using var app = new IngestAppFactory(dir.DatabasePath, new Dictionary<string, string?> { ["Registry:SeedFile"] = seed });
        using var admin = app.CreateClient(IngestAppFactory.AdminKey);

        var list = (await admin.GetFromJsonAsync<DeviceList>("/v1/admin/devices"))!;

        Assert.Equal(10, list.Devices.Count);
        Assert.Contains(list.Devices, d => d.GetProperty("deviceId").GetString() == "pm-000001");
    }

    [Fact]
    public async Task Start_SeedWithBadAreaCode_FailsNamingFileAndPath()
    {
        using var dir = new TempDirectory();
        var seed = Path.Combine(dir.Path, "seed.json");
        var text = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Registry", "demo-seed.json"));
        await File.WriteAllTextAsync(seed, text.Replace("\"131016\"", "\"131015\"", StringComparison.Ordinal));
        await using var app = new IngestAppFactory(dir.DatabasePath, new Dictionary<string, string?> { ["Registry:SeedFile"] = seed });

        var error = Assert.Throws<InvalidOperationException>(() => app.CreateClient(IngestAppFactory.AdminKey));

        Assert.Contains("Edge:Ingest:Registry:SeedFile", error.Message, StringComparison.Ordinal);
        Assert.Contains("$.devices[0].areaCode", error.Message, StringComparison.Ordinal);
    }
}
