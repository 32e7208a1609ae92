using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using Edge.Ingest;
using Edge.Uplink;

namespace Edge.Benchmarks.Ingest;

/// <summary>
/// The real ingest (IngestHost.Build, Kestrel on a free loopback port) and its gateways: each posts binary batches
/// one after the other, the next when the previous was acknowledged, for the measured time.
/// </summary>
internal static class IngestUnderLoad
{
    /// <summary>Runs the ingest with <paramref name="storageArgs"/>; returns readings acknowledged and batches per gateway.</summary>
    public static async Task<(long Readings, TimeSpan Elapsed, long[] Batches)> RunAsync(
        IReadOnlyList<string> storageArgs, int gateways, TimeSpan measured, string seedFile)
    {
        var port = FreePort();

        // The meters are registered (seed, at start, before the clock) so that their readings are admitted and stored
        // as normal readings, not quarantined; the rate limit is off, the benchmark measures throughput.
        var args = new List<string>
        {
            "--urls", $"http://127.0.0.1:{port}",
            "--Logging:LogLevel:Default=Warning",
            "--Edge:Ingest:MaxBodyBytes=67108864",
            "--Edge:Ingest:RateLimit:RequestsPerMinute=0",
            "--Edge:Ingest:Registry:SeedFile=" + seedFile,
        };
        args.AddRange(storageArgs);
        for (var g = 0; g < gateways; g++)
        {
            args.Add($"--Edge:Ingest:ApiKeys:{g}:Key=bench-key-{g}");
            args.Add($"--Edge:Ingest:ApiKeys:{g}:Role=gateway");
            args.Add($"--Edge:Ingest:ApiKeys:{g}:GatewayId={MeterDays.GatewayId(g)}");
        }

        // Gateways are other machines: their batches are encoded before the clock starts (enough for 150k readings/s;
        // past that, on the fly), so that encoding does not take CPU from the ingest.
        var ahead = (int)Math.Ceiling(measured.TotalSeconds * 150_000 / MeterDays.ReadingsPerBatch / gateways) + 1;
        var bodies = Enumerable.Range(0, gateways)
            .Select(g => Enumerable.Range(1, ahead).Select(s => BatchCodec.Encode(MeterDays.Create(g, s))).ToArray())
            .ToArray();

        await using var app = IngestHost.Build([.. args]);
        await app.StartAsync().ConfigureAwait(false);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(2) };

            // One batch per gateway before the clock starts: connections, JIT, first partitions.
            var batches = new long[gateways];
            await Task.WhenAll(Enumerable.Range(0, gateways).Select(g => PostAsync(http, bodies[g], g, ++batches[g]))).ConfigureAwait(false);

            var start = Stopwatch.GetTimestamp();
            var until = start + (long)(measured.TotalSeconds * Stopwatch.Frequency);
            var counts = await Task.WhenAll(Enumerable.Range(0, gateways).Select(g => Task.Run(async () =>
            {
                long readings = 0;
                while (Stopwatch.GetTimestamp() < until)
                {
                    readings += await PostAsync(http, bodies[g], g, ++batches[g]).ConfigureAwait(false);
                }

                return readings;
            }))).ConfigureAwait(false);
            return (counts.Sum(), Stopwatch.GetElapsedTime(start), batches);
        }
        finally
        {
            await app.StopAsync().ConfigureAwait(false);
        }
    }

    private static async Task<int> PostAsync(HttpClient http, byte[][] encoded, int gateway, long sequence)
    {
        var body = sequence <= encoded.Length ? encoded[sequence - 1] : BatchCodec.Encode(MeterDays.Create(gateway, sequence));
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(BatchCodec.ContentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/batches") { Content = content };
        request.Headers.Add("X-Api-Key", $"bench-key-{gateway}");
        using var response = await http.SendAsync(request).ConfigureAwait(false);
        var answer = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"batch {gateway}/{sequence}: {(int)response.StatusCode} {answer}");
        }

        using var json = JsonDocument.Parse(answer);
        var stored = json.RootElement.GetProperty("stored").GetInt32();
        var quarantined = json.RootElement.GetProperty("quarantined").GetInt32();
        return stored == MeterDays.ReadingsPerBatch && quarantined == 0
            ? stored
            : throw new InvalidOperationException($"batch {gateway}/{sequence} stored {stored} of {MeterDays.ReadingsPerBatch} readings, {quarantined} quarantined: {answer}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
