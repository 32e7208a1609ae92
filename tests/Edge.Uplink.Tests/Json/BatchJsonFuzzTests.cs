using Edge.Uplink.Tests.Support;

namespace Edge.Uplink.Tests.Json;

/// <summary>Damaged JSON of every kind must end in <see cref="BatchFormatException"/>, never anything else.</summary>
public sealed class BatchJsonFuzzTests
{
    private static Batch? TryDeserialize(string json)
    {
        try
        {
            return BatchJson.Deserialize(json);
        }
        catch (BatchFormatException)
        {
            return null;
        }
    }

    [Fact]
    public void Deserialize_EveryTruncation_Rejected()
    {
        var json = BatchJson.Serialize(SampleBatches.Awkward());

        for (var length = 0; length < json.Length; length++)
        {
            Assert.True(TryDeserialize(json[..length]) is null, $"a {length}-char prefix was accepted");
        }
    }

    [Fact]
    public void Deserialize_RandomCharacterDamage_OnlyFormatExceptions()
    {
        var json = BatchJson.Serialize(SampleBatches.Awkward());
        const string Alphabet = "0123456789-+.eE:TZ\"{}[],nul ab\\";
        var random = new Random(5);
        var rejected = 0;

        for (var i = 0; i < 5000; i++)
        {
            var chars = json.ToCharArray();
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                chars[random.Next(chars.Length)] = Alphabet[random.Next(Alphabet.Length)];
            }

            rejected += TryDeserialize(new string(chars)) is null ? 1 : 0;
        }

        Assert.True(rejected > 0, "no damage was ever detected");
    }
}
