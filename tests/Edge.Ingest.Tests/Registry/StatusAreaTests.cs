using Edge.Ingest.Registry;
using Edge.Ingest.Tests.Support;

namespace Edge.Ingest.Tests.Registry;

/// <summary>The optional status area of a meter's registration: document round trip, validation, both paths of storage.</summary>
public sealed class StatusAreaTests
{
    [Fact]
    public void Read_MeterWithStatusArea_SameDocumentAgain()
    {
        var json = DeviceDocument.Write(Registrations.Meter() with { StatusAreaId = "chiyoda-kanda-1" });

        var (device, errors) = DeviceDocument.Read(json, DeviceRegistrationValidator.Tokyo);

        Assert.Empty(errors);
        Assert.Contains("\"statusArea\":\"chiyoda-kanda-1\"", json, StringComparison.Ordinal);
        Assert.Equal(("chiyoda-kanda-1", "chiyoda-kanda-1"), (device!.StatusAreaId, device.StatusArea));
        Assert.Equal(json, DeviceDocument.Write(device));
    }

    [Fact]
    public void StatusArea_NotSet_TheMunicipality()
    {
        var (device, _) = DeviceDocument.Read(DeviceDocument.Write(Registrations.Meter(area: "131016")), DeviceRegistrationValidator.Tokyo);

        Assert.Equal((null, "13101"), (device!.StatusAreaId, device.StatusArea));
    }

    [Theory]
    [InlineData("kanda 1", "$.statusArea")]
    [InlineData("神田1", "$.statusArea")]
    [InlineData("", "$.statusArea")]
    public void Read_BadStatusArea_ErrorAtItsPath(string statusArea, string path)
    {
        var json = DeviceDocument.Write(Registrations.Meter() with { StatusAreaId = statusArea });

        var (device, errors) = DeviceDocument.Read(json, DeviceRegistrationValidator.Tokyo);

        Assert.Null(device);
        Assert.Contains(errors, e => e.Path == path);
    }

    [Fact]
    public void Validate_SensorWithStatusArea_Refused()
    {
        var errors = DeviceRegistrationValidator.Tokyo.Validate(Registrations.RainGauge() with { StatusAreaId = "dma-1" });

        Assert.Contains(errors, e => e.Path == "$.statusArea" && e.Message.Contains("water meter", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PutThenGet_AdminApi_StatusAreaKept()
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        using var admin = app.CreateClient(IngestAppFactory.AdminKey);
        var json = DeviceDocument.Write(Registrations.Meter("wm-sa") with { StatusAreaId = "dma-7" });

        using var put = await admin.PutAsync(new Uri("/v1/admin/devices/wm-sa", UriKind.Relative), new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var stored = await admin.GetStringAsync(new Uri("/v1/admin/devices/wm-sa", UriKind.Relative));

        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        Assert.Contains("\"statusArea\":\"dma-7\"", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_AdminApiBadStatusArea_ProblemAndNothingStored()
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        using var admin = app.CreateClient(IngestAppFactory.AdminKey);
        var json = DeviceDocument.Write(Registrations.Meter("wm-bad") with { StatusAreaId = "dma 7" });

        using var put = await admin.PutAsync(new Uri("/v1/admin/devices/wm-bad", UriKind.Relative), new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        using var get = await admin.GetAsync(new Uri("/v1/admin/devices/wm-bad", UriKind.Relative));

        // The admin API answers 422 for a well-formed document with invalid content.
        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, put.StatusCode);
        Assert.Contains("statusArea", await put.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, get.StatusCode);
    }
}
