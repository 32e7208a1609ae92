using System.Net;
using Edge.Ingest.Apis;
using Edge.Ingest.Tests.Support;
using Edge.Uplink;

namespace Edge.Ingest.Tests.Apis;

/// <summary>Issue 4's bad-input list for the binary batch, and the same batch ten times.</summary>
public sealed class IngestApiBadBatchTests
{
    private static readonly DateTimeOffset _t0 = new(2025, 5, 31, 0, 0, 0, TimeSpan.Zero);

    private static readonly Batch _batch = TestBatches.Litres(
        IngestAppFactory.Gateway1, 7, "meter-1", [.. Enumerable.Range(1, 48).Select(i => ((long)i, _t0.AddMinutes(15 * i), 1000L + (3L * i)))]);

    public static TheoryData<string> Damages => ["truncated-half", "truncated-last-byte", "wrong-version", "corrupt-compressed-body", "wrong-magic"];

    private static byte[] Damage(string how)
    {
        var bytes = BatchCodec.Encode(_batch, new BatchEncodeOptions { Compress = true });
        Assert.Equal(0x01, bytes[5] & 0x01); // compressed, so the corrupt case damages zstd data
        switch (how)
        {
            case "truncated-half":
                return bytes[..(bytes.Length / 2)];
            case "truncated-last-byte":
                return bytes[..^1];
            case "wrong-version":
                bytes[4] = 2;
                return bytes;
            case "corrupt-compressed-body":
                bytes[bytes.Length - 6] ^= 0xFF;
                return bytes;
            case "wrong-magic":
                bytes[0] = (byte)'X';
                return bytes;
            default:
                throw new ArgumentOutOfRangeException(nameof(how), how, null);
        }
    }

    [Theory]
    [MemberData(nameof(Damages))]
    public async Task PostBatch_DamagedBinaryBatch_400WithTheDecodersReasonNothingStored(string how)
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        using var gateway = app.CreateClient(IngestAppFactory.Gateway1Key);
        var bytes = Damage(how);

        // The reason the independent decoder gives for the same bytes is the one the gateway must see.
        var expected = Assert.Throws<BatchFormatException>(() => BatchCodec.Decode(bytes)).Message;
        var response = await gateway.PostAsync("/v1/batches", TestBatches.Bytes(bytes));

        Assert.Equal(expected, await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, ProblemTypes.MalformedBatch));
        await ApiAssert.NothingStoredAsync(app);
    }

    [Fact]
    public async Task PostBatch_SameBatchTenTimes_StoredOnceNineDuplicates()
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        using var gateway = app.CreateClient(IngestAppFactory.Gateway1Key);

        var answers = new List<(string BatchId, bool Duplicate, int Stored, int Duplicates, int Rejected)>();
        for (var i = 0; i < 10; i++)
        {
            answers.Add(ApiAssert.Counts(await ApiAssert.AcceptedAsync(await gateway.PostAsync("/v1/batches", TestBatches.Binary(_batch)))));
        }

        Assert.Equal((false, 48), (answers[0].Duplicate, answers[0].Stored));
        Assert.All(answers.Skip(1), a => Assert.Equal((true, 0), (a.Duplicate, a.Stored)));
        var stats = await ApiAssert.StatsAsync(app);
        Assert.Equal((1L, 9L, 48L), (stats.Batches, stats.DuplicateBatches, stats.Readings));
    }
}
