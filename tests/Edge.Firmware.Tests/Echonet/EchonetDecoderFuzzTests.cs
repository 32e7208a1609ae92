using System.Diagnostics;
using Edge.Firmware.Echonet;
using Edge.Firmware.Tests.Conformance;
using Edge.Firmware.Tests.MBus;

namespace Edge.Firmware.Tests.Echonet;

/// <summary>
/// One million random and mutated frames through the frame codec and, when a frame decodes, through the scale
/// learning and every property's decoder under each meter class: nothing may throw, and every call ends with
/// success or an error code and text. Seeds are the corpus frames when present, else hand-built ones.
/// </summary>
public sealed class EchonetDecoderFuzzTests
{
    private const int Inputs = 1_000_000;
    private static readonly int[] _classes = [0x0288, 0x0281, 0x0282, 0x0EF0, 0x0130];

    [Fact]
    public void TryDecode_MillionMutatedFrames_NoExceptionAndAlwaysAnOutcome()
    {
        var seeds = Seeds();
        var random = new Random(3610);
        var frame = new EchonetFrame();
        var value = new EchonetValue();
        var scale = new EchonetMeterScale();
        var buffer = new byte[EchonetFrame.MaxLength + 8];
        var watch = Stopwatch.StartNew();
        var decoded = 0;
        var properties = 0;
        for (var n = 0; n < Inputs; n++)
        {
            var length = Mutate(random, seeds[random.Next(seeds.Length)], buffer);
            try
            {
                var ok = frame.TryDecode(buffer, 0, length);
                Assert.True(ok == (frame.Error == EchonetError.None) && ok == (frame.ErrorText == null));
                if (!ok)
                {
                    continue;
                }

                decoded++;
                if ((n & 63) == 0)
                {
                    scale.Reset();
                }

                EchonetPropertyDecoder.Learn(frame, scale);
                var cls = (n & 1) == 0 ? EchonetPropertyDecoder.PropertyObject(frame) >> 8 : _classes[random.Next(_classes.Length)];
                for (var i = 0; i < frame.PropertyCount; i++)
                {
                    var good = EchonetPropertyDecoder.Decode(cls, frame.Epc(i), frame.Buffer, frame.EdtOffset(i), frame.Pdc(i), scale, value);
                    Assert.True(good == (value.Error == EchonetError.None));
                    properties++;
                }
            }
            catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
            {
                Assert.Fail($"input {n} threw {ex.GetType().Name}: {ex.Message}\n{Convert.ToHexString(buffer, 0, length)}");
            }
        }

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"fuzz run took {watch.Elapsed}");
        Assert.InRange(decoded, Inputs / 100, Inputs - 1);
        Assert.True(properties > Inputs / 10, $"only {properties} properties decoded");
    }

    private static int Mutate(Random random, byte[] seed, byte[] buffer)
    {
        var mode = random.Next(8);
        if (mode == 0)
        {
            var len = random.Next(0, 64);
            random.NextBytes(buffer.AsSpan(0, len));
            if (len > 1 && random.Next(2) == 0)
            {
                buffer[0] = 0x10;
                buffer[1] = 0x81;
            }

            return len;
        }

        if (mode == 7)
        {
            return random.Next(0, 3) == 0 ? EchonetFrame.MaxLength + random.Next(0, 8) : random.Next(0, 4);
        }

        var length = seed.Length;
        seed.CopyTo(buffer, 0);
        var flips = mode == 1 ? 0 : random.Next(1, 4);
        for (var k = 0; k < flips && length > 0; k++)
        {
            // Mostly the header, OPC, EPC and PDC bytes, where the length logic lives.
            var at = random.Next(2) == 0 && length > 16 ? random.Next(16) : random.Next(length);
            buffer[at] = (byte)random.Next(256);
        }

        if (mode == 2)
        {
            length = random.Next(0, length + 1);
        }
        else if (mode == 3)
        {
            var extra = random.Next(1, 40);
            random.NextBytes(buffer.AsSpan(length, extra));
            length += extra;
        }

        return length;
    }

    private static byte[][] Seeds()
    {
        var seeds = new List<byte[]>
        {
            MBusTestText.Hex("1081000102880105FF017203E7040000055EE80400000082E00400052155"),
            MBusTestText.Hex("1081000505FF010288016E01E50102" + "01E200"),
            MBusTestText.Hex("1081000102880105FF0172019F111941414160404000624300414040430202"),
            MBusTestText.Hex("108100000EF0010EF0017301D50702028801028101"),
            MBusTestText.Hex("1081000102880105FF017201E2C2" + "0001" + string.Concat(Enumerable.Repeat("0000F766", 48))),
            MBusTestText.Hex("1081000102880105FF017201EA0B07EA05140E00000000FE68"),
        };
        if (ConformanceCorpus.Available)
        {
            foreach (var x in ConformanceCorpus.Lines("echonet.jsonl"))
            {
                var hex = x.GetProperty("hex");
                if (hex.ValueKind == System.Text.Json.JsonValueKind.String)
                {
                    seeds.Add(MBusTestText.Hex(hex.GetString()!));
                }
            }
        }

        return [.. seeds];
    }
}
