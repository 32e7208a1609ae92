using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Edge.Ingest.Model;

namespace Edge.Ingest.Tests.Support;

/// <summary>Assertions and reads shared by the API tests.</summary>
public static class ApiAssert
{
    /// <summary>
    /// Asserts an RFC 9457 problem response with the given status and type, and returns its detail.
    /// </summary>
    public static async Task<string> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string type)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal(type, root.GetProperty("type").GetString());
        Assert.Equal((int)status, root.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("title").GetString()));
        var detail = root.GetProperty("detail").GetString();
        Assert.False(string.IsNullOrWhiteSpace(detail));
        return detail!;
    }

    /// <summary>Asserts a 200 answer to a batch post and returns it.</summary>
    public static async Task<BatchAccepted> AcceptedAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<BatchAccepted>())!;
    }

    /// <summary>The counts of an answer, for one comparison (its <c>Rejections</c> list is compared apart).</summary>
    public static (string BatchId, bool Duplicate, int Stored, int Duplicates, int Rejected) Counts(BatchAccepted answer) =>
        (answer.BatchId, answer.Duplicate, answer.Stored, answer.Duplicates, answer.Rejected);

    /// <summary>Reads the readings set aside, with the reader key; <paramref name="query"/> is appended as is.</summary>
    public static async Task<IReadOnlyList<RejectedReadingDetail>> RejectedAsync(IngestAppFactory app, string query = "")
    {
        using var reader = app.CreateClient(IngestAppFactory.ReaderKey);
        return (await reader.GetFromJsonAsync<RejectedReadings>($"/v1/rejected{query}"))!.Readings;
    }

    /// <summary>Reads the totals with the reader key.</summary>
    public static async Task<IngestStats> StatsAsync(IngestAppFactory app)
    {
        using var reader = app.CreateClient(IngestAppFactory.ReaderKey);
        return (await reader.GetFromJsonAsync<IngestStats>("/v1/stats"))!;
    }

    /// <summary>Asserts that nothing was ever stored.</summary>
    public static async Task NothingStoredAsync(IngestAppFactory app) =>
        Assert.Equal(new IngestStats(0, 0, 0, 0, 0), await StatsAsync(app));

    /// <summary>Registers <paramref name="devices"/> through the admin API (PUT), asserting each succeeds.</summary>
    public static async Task RegisterAsync(IngestAppFactory app, params Edge.Ingest.Registry.DeviceRegistration[] devices)
    {
        using var admin = app.CreateClient(IngestAppFactory.AdminKey);
        foreach (var device in devices)
        {
            using var put = await admin.PutAsync(
                new Uri($"/v1/admin/devices/{Uri.EscapeDataString(device.DeviceId)}", UriKind.Relative),
                new StringContent(Edge.Ingest.Registry.DeviceDocument.Write(device), System.Text.Encoding.UTF8, "application/json"));
            Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        }
    }
}
