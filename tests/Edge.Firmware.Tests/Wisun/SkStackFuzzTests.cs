using System.Text;
using Edge.Firmware.Tests.Fakes;
using Edge.Firmware.Wisun;

namespace Edge.Firmware.Tests.Wisun;

/// <summary>Random and mutated module lines: the parser never throws, and the client never hangs on them.</summary>
public class SkStackFuzzTests
{
    private static readonly string[] _seeds =
    [
        "OK", "OK 01", "FAIL ER04", "FAIL ER10", "EVER 1.2.10", "EPANDESC", "  Channel:21", "  Channel Page:09",
        "  Pan ID:8888", "  Addr:12345678ABCDEF01", "  LQI:E1", "  PairID:AABBCCDD",
        "EVENT 20 FE80:0000:0000:0000:021D:1290:0003:C890", "EVENT 22 FE80:0000:0000:0000:021D:1290:0003:C890 0",
        "EVENT 21 FE80:0000:0000:0000:021D:1290:0003:C890 0 00", "EVENT 25 FE80::1", "EVENT 29 FE80::1",
        "EINFO FE80:0000:0000:0000:021D:1290:1234:5678 001D129012345678 21 8888 FFFE",
        "FE80:0000:0000:0000:021D:1290:1234:5678", "SKSENDTO 1 FE80::1 0E1A 1 000E",
        "ERXUDP FE80:0000:0000:0000:021C:6400:6014:21A3 FE80:0000:0000:0000:021D:1290:0005:747B 0E1A 0E1A 001C6400601421A3 1 0012 1081000102880105FF017201D30400000001",
        "ERXUDP FE80::1 FE80::2 0E1A 0E1A AABBCCDDEEFF 50 00 00 0012 1081000102880105FF017301E704000003E8",
        "ERXUDP FE80::1 FE80::2 02CC 02CC 001D129012345678 0 0004 a\x00 b",
    ];

    [Fact]
    public void Parse_MillionMutatedLines_NeverThrowsAndKeepsBounds()
    {
        var random = new Random(20261126);
        var seeds = _seeds.Select(System.Text.Encoding.Latin1.GetBytes).ToArray();
        var line = new SkStackLine();
        var buffer = new byte[4096];
        var kinds = new int[SkStackLineKind.TooLong + 1];
        for (var i = 0; i < 1_000_000; i++)
        {
            var n = Mutate(random, seeds[random.Next(seeds.Length)], buffer);
            line.AllowBinaryData = (i & 1) == 0;
            var kind = line.Parse(buffer, n);
            kinds[kind]++;
            Assert.InRange(line.DataLength, 0, SkStackLine.MaxData);
            Assert.InRange(line.TokenCount, 0, SkStackLine.MaxTokens);
        }

        // The mutations keep many lines valid and make many invalid: both paths ran.
        Assert.True(kinds[SkStackLineKind.ReceivedUdp] > 10_000);
        Assert.True(kinds[SkStackLineKind.Unknown] > 100_000);
    }

    [Fact]
    public void Receive_StreamOfMutatedLines_ReturnsAndStaysUsable()
    {
        var clock = new FakeClock();
        var link = new ScriptedModuleLink(clock) { Respond = new SkStackScript().Respond };
        var client = new WisunBrouteClient(link, clock, SkStackScript.Config());
        Assert.Equal(WisunError.Ok, client.Connect());

        var random = new Random(7);
        var seeds = _seeds.Where(s => !s.StartsWith("EVENT 2", StringComparison.Ordinal)).Select(System.Text.Encoding.Latin1.GetBytes).ToArray();
        var buffer = new byte[4096];
        var stream = new StringBuilder();
        for (var i = 0; i < 50_000; i++)
        {
            var n = Mutate(random, seeds[random.Next(seeds.Length)], buffer);
            stream.Append(System.Text.Encoding.Latin1.GetString(buffer, 0, n).Replace('\n', ' ')).Append("\r\n");
        }

        link.Push(stream.ToString());
        var calls = 0;
        while (client.Receive(1000) == WisunError.Ok)
        {
            calls++;
            Assert.True(calls < 50_000);
        }

        Assert.True(client.GarbageLines > 1000);
        Assert.Equal(WisunError.NoAnswer, client.LastError);
        Assert.True(client.IsJoined);
    }

    private static int Mutate(Random random, byte[] seed, byte[] output)
    {
        var n = Math.Min(seed.Length, output.Length);
        Array.Copy(seed, output, n);
        var edits = random.Next(0, 4);
        for (var e = 0; e < edits; e++)
        {
            var at = n == 0 ? 0 : random.Next(n);
            switch (random.Next(6))
            {
                case 0 when n > 0:
                    output[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1 when n > 0:
                    output[at] = (byte)random.Next(256);
                    break;
                case 2 when n > 0:
                    Array.Copy(output, at + 1, output, at, n - at - 1);
                    n--;
                    break;
                case 3 when n < output.Length - 1:
                    Array.Copy(output, at, output, at + 1, n - at);
                    output[at] = (byte)" 0F:"[random.Next(4)];
                    n++;
                    break;
                case 4:
                    n = random.Next(n + 1);
                    break;
                default:
                    var extra = random.Next(1, 64);
                    for (var k = 0; k < extra && n < output.Length; k++)
                    {
                        output[n++] = (byte)random.Next(256);
                    }

                    break;
            }
        }

        return n;
    }
}
