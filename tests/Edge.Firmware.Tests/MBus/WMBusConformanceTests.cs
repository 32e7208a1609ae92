using System.Globalization;
using System.Text.Json;
using Edge.Firmware.MBus;
using Edge.Firmware.Tests.Conformance;
using Xunit.Abstractions;

namespace Edge.Firmware.Tests.MBus;

/// <summary>
/// Water telegrams of wmbus.jsonl (wmbusmeters driver tests): every one we decode gives exactly
/// expected.total_m3; the rest fail only for a stated reason (key needed, manufacturer specific CI, compact
/// frame without its format). Encrypted ones are also run through the decryption seam with .NET's AES.
/// </summary>
public sealed class WMBusConformanceTests(ITestOutputHelper output)
{
    private const string File = "wmbus.jsonl";

    public static TheoryData<int> Lines => ConformanceCorpus.LineNumbers(File);

    [ConformanceTheory]
    [MemberData(nameof(Lines))]
    public void TryDecode_WaterTelegram_TotalIsExactOrFailsWithReason(int line)
    {
        var x = ConformanceCorpus.Line(File, line);
        if (!x.GetProperty("is_water").GetBoolean())
        {
            return;
        }

        var outcome = Decode(x, cipher: null);
        Assert.True(outcome.Kind != "wrong", $"line {line} {x.GetProperty("driver")}: {outcome.Detail}");
        if (outcome.Kind == "failed")
        {
            Assert.True(IsExpectedFailure(line, x, outcome.Detail), $"line {line} {x.GetProperty("driver")}: unexpected failure: {outcome.Detail}");
        }
    }

    [ConformanceFact]
    public void TryDecode_AllWaterTelegrams_CountsAsReported()
    {
        ConformanceCorpus.Require();
        var water = ConformanceCorpus.Lines(File).Select((x, i) => (X: x, Line: i + 1)).Where(p => p.X.GetProperty("is_water").GetBoolean()).ToArray();
        var counts = new SortedDictionary<string, int>();
        foreach (var (x, line) in water)
        {
            var state = x.GetProperty("header").TryGetProperty("payload_state", out var s) ? s.GetString() : "none";
            var plain = Decode(x, cipher: null);
            var seam = Decode(x, new DotNetAesCipher());
            var portable = Decode(x, new PortableWMBusCipher());
            Count(counts, $"firmware (no AES) {plain.Kind} [{state}]");
            Count(counts, $"with .NET AES via seam {seam.Kind}");
            Count(counts, $"with the firmware's own AES {portable.Kind}");
            Assert.True(portable.Kind == seam.Kind, $"line {line}: firmware AES gave {portable.Kind} ({portable.Detail}), .NET AES {seam.Kind} ({seam.Detail})");
            if (plain.Kind == "failed" && _malformed.TryGetValue(line, out var why))
            {
                Count(counts, "firmware (no AES) rejected as malformed");
                output.WriteLine($"line {line}: malformed, rejected: {why}: {plain.Detail}");
            }
            else if (plain.Kind != "exact")
            {
                output.WriteLine($"line {line} {x.GetProperty("driver")} [{state}]: {plain.Kind} {plain.Detail} | seam: {seam.Kind} {seam.Detail}");
            }
        }

        foreach (var (k, v) in counts)
        {
            output.WriteLine($"{k}: {v}");
        }

        Assert.Equal(113, water.Length);
        // Floors from the last run (see the printed counts): 22 plaintext + 24 pre-decrypted + 11 others exact
        // without AES (4 Kamstrup compact frames, 3 Techem CI 0xA2); 63 with .NET's AES behind the decryption seam.
        var exact = counts.Where(c => c.Key.StartsWith("firmware (no AES) exact", StringComparison.Ordinal)).Sum(c => c.Value);
        Assert.True(exact >= 57, $"only {exact} water telegrams decoded exactly without AES");
        Assert.True(counts.GetValueOrDefault("with .NET AES via seam exact") >= 63, "decryption seam regressed");
        Assert.True(counts.GetValueOrDefault("with the firmware's own AES exact") >= 63, "firmware AES regressed");
    }

    /// <summary>Corpus lines that break EN 13757 framing, which wmbusmeters tolerates and we reject by design.</summary>
    private static readonly Dictionary<int, string> _malformed = new()
    {
        [30] = "evo868: two bytes FF FF after the last record are no valid DIF",
        [83] = "qwater: L field 0x37 is 4 bytes shorter than the frame",
        [87] = "qwaterv2: a lone DIF FE D0 after the last record",
        [92] = "qwaterv2: a DIF C7 without VIF after the last record",
    };

    private static bool IsExpectedFailure(int line, JsonElement x, string error) =>
        _malformed.ContainsKey(line)
        || error.Contains("key required", StringComparison.Ordinal)
        || error.Contains("decryption not available", StringComparison.Ordinal)
        || error.Contains("unsupported security mode", StringComparison.Ordinal)
        || error.Contains("only manufacturer specific", StringComparison.Ordinal)
        || error.Contains("manufacturer specific CI", StringComparison.Ordinal)
        || error.Contains("compact frame", StringComparison.Ordinal)
        || error.Contains("key must be 16 bytes", StringComparison.Ordinal)
        || !x.GetProperty("expected").TryGetProperty("total_m3", out _);

    private static (string Kind, string Detail) Decode(JsonElement x, IWMBusCipher? cipher)
    {
        var bytes = MBusTestText.Hex(x.GetProperty("hex").GetString()!);
        var keyText = x.GetProperty("key").ValueKind == JsonValueKind.String ? x.GetProperty("key").GetString() : null;
        var key = keyText == null ? null : MBusTestText.Hex(keyText);
        var t = new MBusTelegram();
        var wireless = new WMBusDecoder { Cipher = cipher };
        foreach (var prior in x.GetProperty("prior_frames").EnumerateArray())
        {
            // Frames the corpus says to decode first (a full frame teaches the format of a compact frame).
            var p = MBusTestText.Hex(prior.GetString()!);
            wireless.TryDecode(p, 0, p.Length, key, t);
        }

        var ok = bytes[0] == 0x68
            ? new MBusWiredDecoder().TryDecode(bytes, 0, bytes.Length, t)
            : wireless.TryDecode(bytes, 0, bytes.Length, key, t);
        if (!ok)
        {
            return ("failed", t.Error!);
        }

        if (!x.GetProperty("expected").TryGetProperty("total_m3", out var total))
        {
            return ("no-total-expected", string.Empty);
        }

        var want = decimal.Parse(total.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture);
        var r = WMBusWaterTotal.Find(t);
        if (r == null && Enumerable.Range(0, t.RecordCount).Any(i => t.GetRecord(i).Quantity == MBusQuantity.ManufacturerData
            || (t.GetRecord(i).VifeFlags & MBusVifeFlags.ManufacturerSpecific) != 0))
        {
            return ("failed", "no volume record: the register is in only manufacturer specific records");
        }

        if (r == null)
        {
            return ("wrong", $"decoded {t.RecordCount} records but no volume total; expected {want}");
        }

        var got = WMBusWaterTotal.Value(r);
        return got == want ? ("exact", string.Empty) : ("wrong", $"total {got}, expected {want}");
    }

    private static void Count(SortedDictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;
}
