using Edge.Uplink.Tests.Support;

namespace Edge.Uplink.Tests;

public sealed class BatchDictionaryTests
{
    /// <summary>Small satellite-sized batches: 3 meters x 4 hours each, varied by seed.</summary>
    private static IEnumerable<Batch> SmallBatches(int count, int firstSeed) =>
        Enumerable.Range(firstSeed, count).Select(seed => SampleBatches.Hourly(meters: 3, hours: 4, seed: seed, sequence: seed));

    [Fact]
    public void Train_ManySamples_ProducesZstdDictionary()
    {
        var dictionary = BatchDictionary.Train(7, SmallBatches(400, 1), maxBytes: 4096);

        Assert.Equal(7u, dictionary.Id);
        Assert.InRange(dictionary.Content.Length, 1, 4096);

        // zstd dictionary format (RFC 8878 §5): magic 0xEC30A437, little-endian.
        Assert.Equal(new byte[] { 0x37, 0xA4, 0x30, 0xEC }, dictionary.Content[..4]);
    }

    [Fact]
    public void Decode_WithSameDictionary_RoundTripsAndNamesId()
    {
        var dictionary = BatchDictionary.Train(7, SmallBatches(400, 1), maxBytes: 4096);
        var batch = SampleBatches.Hourly(meters: 3, hours: 4, seed: 1000);

        var encoded = BatchCodec.Encode(batch, new BatchEncodeOptions { Dictionary = dictionary });
        var decoded = BatchCodec.Decode(encoded, new BatchDecodeOptions { Dictionaries = [dictionary] });

        BatchAssert.Equal(batch, decoded);
        Assert.Equal(7u, BatchCodec.ReadHeader(encoded).DictionaryId);
        Assert.Equal(0x03, encoded[5]); // flags: compressed + dictionary id present
    }

    [Fact]
    public void Encode_SmallBatchWithDictionary_IsSmallerThanWithout()
    {
        var dictionary = BatchDictionary.Train(7, SmallBatches(400, 1), maxBytes: 4096);
        var batch = SampleBatches.Hourly(meters: 3, hours: 4, seed: 2000);

        var plain = BatchCodec.Encode(batch);
        var withDictionary = BatchCodec.Encode(batch, new BatchEncodeOptions { Dictionary = dictionary });

        Assert.True(withDictionary.Length < plain.Length, $"{withDictionary.Length} >= {plain.Length}");
    }

    [Fact]
    public void Decode_UnknownDictionary_Rejected()
    {
        var dictionary = BatchDictionary.Train(7, SmallBatches(400, 1), maxBytes: 4096);
        var encoded = BatchCodec.Encode(SampleBatches.Tiny(), new BatchEncodeOptions { Dictionary = dictionary });

        var ex = Assert.Throws<BatchFormatException>(() => BatchCodec.Decode(encoded));
        Assert.Equal("batch was compressed with dictionary 7, which this decoder does not know", ex.Message);
    }

    [Fact]
    public void Decode_DifferentDictionaryUnderSameId_Rejected()
    {
        var dictionary = BatchDictionary.Train(7, SmallBatches(400, 1), maxBytes: 4096);
        var impostor = new BatchDictionary(7, BatchDictionary.Train(7, SmallBatches(400, 5000), maxBytes: 2048).Content);
        var encoded = BatchCodec.Encode(SampleBatches.Hourly(3, 4, seed: 9), new BatchEncodeOptions { Dictionary = dictionary });

        Assert.Throws<BatchFormatException>(() => BatchCodec.Decode(encoded, new BatchDecodeOptions { Dictionaries = [impostor] }));
    }

    [Fact]
    public void Train_TooFewSamples_FallsBackToRawContentThatStillRoundTrips()
    {
        var dictionary = BatchDictionary.Train(9, SmallBatches(1, 1), maxBytes: 1024);
        var batch = SampleBatches.Hourly(meters: 3, hours: 4, seed: 77);

        var encoded = BatchCodec.Encode(batch, new BatchEncodeOptions { Dictionary = dictionary });

        Assert.NotEqual(new byte[] { 0x37, 0xA4, 0x30, 0xEC }, dictionary.Content[..4]);
        BatchAssert.Equal(batch, BatchCodec.Decode(encoded, new BatchDecodeOptions { Dictionaries = [dictionary] }));
    }

    [Fact]
    public void Encode_DictionaryIdZero_Throws() =>
        Assert.Throws<ArgumentException>(() => BatchCodec.Encode(SampleBatches.Tiny(),
            new BatchEncodeOptions { Dictionary = new BatchDictionary(0, [1, 2, 3]) }));
}
