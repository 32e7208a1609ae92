using Edge.Firmware.MBus;
using Edge.Firmware.Tests.Conformance;

namespace Edge.Firmware.Tests.MBus;

/// <summary>wmbus-negative.jsonl telegrams are rejected with a reason; wmbus-dllcrc.jsonl CRC frames strip to the clean frame.</summary>
public sealed class WMBusNegativeAndCrcTests
{
    public static TheoryData<int> NegativeLines => ConformanceCorpus.LineNumbers("wmbus-negative.jsonl");

    public static TheoryData<int> CrcLines => ConformanceCorpus.LineNumbers("wmbus-dllcrc.jsonl");

    [ConformanceTheory]
    [MemberData(nameof(NegativeLines))]
    public void TryDecode_NegativeTelegramWithConfiguredKey_RejectedWithReason(int line)
    {
        var x = ConformanceCorpus.Line("wmbus-negative.jsonl", line);
        var bytes = MBusTestText.Hex(x.GetProperty("hex").GetString()!);
        var key = MBusTestText.Hex(x.GetProperty("configured").GetProperty("key").GetString()!);
        foreach (var cipher in new IWMBusCipher?[] { null, new DotNetAesCipher(), new PortableWMBusCipher() })
        {
            var t = new MBusTelegram();

            var ok = new WMBusDecoder { Cipher = cipher }.TryDecode(bytes, 0, bytes.Length, key, t);

            Assert.False(ok, $"line {line}: accepted with {(cipher == null ? "no AES" : ".NET AES")}");
            Assert.Contains("rejected", t.Error, StringComparison.Ordinal);
        }
    }

    [ConformanceTheory]
    [MemberData(nameof(CrcLines))]
    public void TryDecode_FormatAFrameWithCrcs_SameAsStrippedFrame(int line)
    {
        var x = ConformanceCorpus.Line("wmbus-dllcrc.jsonl", line);
        var withCrc = MBusTestText.Hex(x.GetProperty("hex_with_dll_crcs").GetString()!);
        var clean = MBusTestText.Hex(x.GetProperty("hex_without_crcs").GetString()!);
        var a = new MBusTelegram();
        var b = new MBusTelegram();
        var decoder = new WMBusDecoder();

        var okA = decoder.TryDecode(withCrc, 0, withCrc.Length, null, a);
        var okB = decoder.TryDecode(clean, 0, clean.Length, null, b);

        Assert.Equal(clean, a.Buffer.AsSpan(0, a.Length).ToArray());
        Assert.Equal(okB, okA);
        Assert.Equal(b.Error, a.Error);
        Assert.Equal(b.RecordCount, a.RecordCount);
        var expected = x.GetProperty("expected_listen_output");
        Assert.Equal(expected.GetProperty("manufacturer").GetString(), a.Manufacturer);
        Assert.Equal(expected.GetProperty("id").GetString(), a.Id.ToLowerInvariant());
    }

    [ConformanceTheory]
    [MemberData(nameof(CrcLines))]
    public void TryDecode_FormatAFrameWithOneFlippedBit_LinkCrcError(int line)
    {
        var x = ConformanceCorpus.Line("wmbus-dllcrc.jsonl", line);
        var withCrc = MBusTestText.Hex(x.GetProperty("hex_with_dll_crcs").GetString()!);
        withCrc[20] ^= 0x04;
        var t = new MBusTelegram();

        var ok = new WMBusDecoder().TryDecode(withCrc, 0, withCrc.Length, null, t);

        Assert.False(ok);
        Assert.Equal("link CRC mismatch in block 2 (format A)", t.Error);
    }
}
