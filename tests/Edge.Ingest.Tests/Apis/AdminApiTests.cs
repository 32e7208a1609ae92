using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Edge.Ingest.Apis;
using Edge.Ingest.Model;
using Edge.Ingest.Registry;
using Edge.Ingest.Tests.Registry;
using Edge.Ingest.Tests.Support;

namespace Edge.Ingest.Tests.Apis;

public sealed class AdminApiTests
{
    private static StringContent Json(string json, string mediaType = "application/json") =>
        new(json, Encoding.UTF8, mediaType);

    private static StringContent Document(DeviceRegistration device) => Json(DeviceDocument.Write(device));

    [Fact]
    public async Task PutDevice_NewValid_201ThenGetAnswersTheSameDocument()
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        using var admin = app.CreateClient(IngestAppFactory.AdminKey);
        var meter = Registrations.Meter("wm-1") with { Welfare = Registrations.Enrolled() };

        var put = await admin.PutAsync(new Uri("/v1/admin/devices/wm-1", UriKind.Relative), Document(meter));

        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.Equal("/v1/admin/devices/wm-1", put.Headers.Location?.OriginalString);
        var answer = (await put.Content.ReadFromJsonAsync<DeviceRegistered>())!;
        Assert.Equal((true, 0), (answer.Created, answer.ReleasedReadings));
        var got = await admin.GetStringAsync(new Uri("/v1/admin/devices/wm-1", UriKind.Relative));
        Assert.Equal(DeviceDocument.Write(meter), got);
    }

    [Fact]
    public async Task PutDevice_SecondTime_200AndReplaced()
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        using var admin = app.CreateClient(IngestAppFactory.AdminKey);
        await admin.PutAsync(new Uri("/v1/admin/devices/wm-1", UriKind.Relative), Document(Registrations.Meter("wm-1")));

        var put = await admin.PutAsync(
            new Uri("/v1/admin/devices/wm-1", UriKind.Relative), Document(Registrations.Meter("wm-1", area: "13104")));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var list = (await admin.GetFromJsonAsync<DeviceList>("/v1/admin/devices"))!;
        Assert.Equal("13104", Assert.Single(list.Devices).GetProperty("areaCode").GetString());
    }

    [Fact]
    public async Task PutDevice_WrongCheckDigitAndUnknownMember_422ListingBothAndNothingStored()
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        using var admin = app.CreateClient(IngestAppFactory.AdminKey);
        var json = DeviceDocument.Write(Registrations.Meter("wm-1"))
            .Replace("\"areaCode\":\"13101\"", "\"areaCode\":\"131015\",\"colour\":\"blue\"", StringComparison.Ordinal);

        var put = await admin.PutAsync(new Uri("/v1/admin/devices/wm-1", UriKind.Relative), Json(json));

        await ApiAssert.ProblemAsync(put, HttpStatusCode.UnprocessableEntity, ProblemTypes.InvalidDevice);
        using var problem = JsonDocument.Parse(await put.Content.ReadAsStringAsync());
        var paths = problem.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()).ToList();
        Assert.Equal(["$.areaCode", "$.colour"], paths.Order(StringComparer.Ordinal));
        Assert.Empty((await admin.GetFromJsonAsync<DeviceList>("/v1/admin/devices"))!.Devices);
    }

    [Fact]
    public async Task PutDevice_PathIdDiffersFromDocument_422()
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        using var admin = app.CreateClient(IngestAppFactory.AdminKey);

        var put = await admin.PutAsync(new Uri("/v1/admin/devices/wm-2", UriKind.Relative), Document(Registrations.Meter("wm-1")));

        var detail = await ApiAssert.ProblemAsync(put, HttpStatusCode.UnprocessableEntity, ProblemTypes.InvalidDevice);
        Assert.Contains("'wm-2'", detail, StringComparison.Ordinal);
        Assert.Empty((await admin.GetFromJsonAsync<DeviceList>("/v1/admin/devices"))!.Devices);
    }

    [Fact]
    public async Task PutDevice_NotJson_400()
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        using var admin = app.CreateClient(IngestAppFactory.AdminKey);

        var put = await admin.PutAsync(new Uri("/v1/admin/devices/wm-1", UriKind.Relative), Json("{\"deviceId\":"));

        await ApiAssert.ProblemAsync(put, HttpStatusCode.BadRequest, ProblemTypes.InvalidDevice);
    }

    [Fact]
    public async Task PutDevice_TextPlain_415()
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        using var admin = app.CreateClient(IngestAppFactory.AdminKey);

        var put = await admin.PutAsync(
            new Uri("/v1/admin/devices/wm-1", UriKind.Relative),
            Json(DeviceDocument.Write(Registrations.Meter("wm-1")), "text/plain"));

        await ApiAssert.ProblemAsync(put, HttpStatusCode.UnsupportedMediaType, ProblemTypes.UnsupportedContentType);
    }

    [Fact]
    public async Task DeleteDevice_KnownThenAgain_204Then404()
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        using var admin = app.CreateClient(IngestAppFactory.AdminKey);
        await admin.PutAsync(new Uri("/v1/admin/devices/wm-1", UriKind.Relative), Document(Registrations.Meter("wm-1")));

        var first = await admin.DeleteAsync(new Uri("/v1/admin/devices/wm-1", UriKind.Relative));
        var second = await admin.DeleteAsync(new Uri("/v1/admin/devices/wm-1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        await ApiAssert.ProblemAsync(second, HttpStatusCode.NotFound, ProblemTypes.UnknownDevice);
        await ApiAssert.ProblemAsync(
            await admin.GetAsync(new Uri("/v1/admin/devices/wm-1", UriKind.Relative)), HttpStatusCode.NotFound, ProblemTypes.UnknownDevice);
    }

    [Fact]
    public async Task ListDevices_TwoPutOutOfOrder_OrderedById()
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        using var admin = app.CreateClient(IngestAppFactory.AdminKey);
        await admin.PutAsync(new Uri("/v1/admin/devices/wm-2", UriKind.Relative), Document(Registrations.Meter("wm-2")));
        await admin.PutAsync(new Uri("/v1/admin/devices/rain-1", UriKind.Relative), Document(Registrations.RainGauge("rain-1")));

        var list = (await admin.GetFromJsonAsync<DeviceList>("/v1/admin/devices"))!;

        Assert.Equal(["rain-1", "wm-2"], list.Devices.Select(d => d.GetProperty("deviceId").GetString()));
    }

    [Theory]
    [InlineData(IngestAppFactory.ReaderKey, "GET", "/v1/admin/devices")]
    [InlineData(IngestAppFactory.WaterworksKey, "GET", "/v1/admin/devices/wm-1")]
    [InlineData(IngestAppFactory.DisasterKey, "PUT", "/v1/admin/devices/wm-1")]
    [InlineData(IngestAppFactory.WelfareKey, "DELETE", "/v1/admin/devices/wm-1")]
    [InlineData(IngestAppFactory.Gateway1Key, "PUT", "/v1/admin/devices/wm-1")]
    [InlineData(IngestAppFactory.DisasterKey, "GET", "/v1/admin/quarantine")]
    [InlineData(IngestAppFactory.WelfareKey, "GET", "/v1/admin/quarantine")]
    [InlineData(IngestAppFactory.Gateway1Key, "GET", "/v1/admin/quarantine")]
    public async Task AdminEndpoint_RoleWithoutTheRight_403AndNothingChanged(string key, string method, string path)
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        using var client = app.CreateClient(key);
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative))
        {
            Content = method == "PUT" ? Document(Registrations.Meter("wm-1")) : null,
        };

        var response = await client.SendAsync(request);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Forbidden, ProblemTypes.Forbidden);
        using var admin = app.CreateClient(IngestAppFactory.AdminKey);
        Assert.Empty((await admin.GetFromJsonAsync<DeviceList>("/v1/admin/devices"))!.Devices);
    }

    [Theory]
    [InlineData(IngestAppFactory.AdminKey)]
    [InlineData(IngestAppFactory.WaterworksKey)]
    [InlineData(IngestAppFactory.ReaderKey)]
    public async Task GetQuarantine_OperatorRoles_200(string key)
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        using var client = app.CreateClient(key);

        var response = await client.GetAsync(new Uri("/v1/admin/quarantine", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
