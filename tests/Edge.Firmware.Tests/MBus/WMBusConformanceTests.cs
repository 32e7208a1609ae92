using System.Globalization;
using System.Text.Json;
using Edge.Firmware.MBus;
using Edge.Firmware.Tests.Conformance;
using Xunit.Abstractions;

namespace Edge.Firmware.Tests.MBus;

/// <summary>
/// Water telegrams of wmbus.jsonl (wmbusmeters driver tests). Each vector is classed from the corpus alone
/// (header and driver, never from our decoder's result) as:
/// <list type="bullet">
/// <item>standard: EN 13757-3 records behind standard CI fields and security modes; must decode to exactly
/// expected.total_m3 (with the firmware's own AES and DES, the meter's key or none);</item>
/// <item>standard, other register: the same, but the corpus expects no total_m3; the register it does expect
/// (a billing date volume) must be exact;</item>
/// <item>manufacturer: a manufacturer specific CI, security mode or data record holds the register; decoded
/// exactly by MBus/Manufacturers where the layout is public, otherwise rejected with a reason, never wrong;</item>
/// <item>malformed: the frame breaks EN 13757 framing; rejected with a reason.</item>
/// </list>
/// The report prints every non-standard vector with its reason and the counts; floors keep them from regressing.
/// </summary>
public sealed class WMBusConformanceTests(ITestOutputHelper output)
{
    private const string File = "wmbus.jsonl";

    // Floors from the last run (see the printed report).
    private const int StandardFloor = 64;
    private const int ManufacturerDecodedFloor = 41;

    public static TheoryData<int> Lines => ConformanceCorpus.LineNumbers(File);

    /// <summary>Corpus vectors (by source) that break EN 13757 framing, which wmbusmeters tolerates and we reject.</summary>
    private static readonly Dictionary<string, string> _malformed = new()
    {
        ["src/driver_qwater.cc#telegram1"] = "L field 0x37 says 56 bytes, 60 arrive (58 of them data, then the CRC of the last block)",
    };

    /// <summary>Expected register of the vectors without total_m3: corpus field and the storage number it is.</summary>
    private static readonly Dictionary<string, (string Field, int Storage)> _otherRegister = new()
    {
        ["lse_07_17"] = ("consumption_at_set_date_8_m3", 8),
        ["mkradio4a"] = ("target_m3", 1),
    };

    [ConformanceTheory]
    [MemberData(nameof(Lines))]
    public void TryDecode_WaterTelegram_AsItsClassRequires(int line)
    {
        var x = ConformanceCorpus.Line(File, line);
        if (!x.GetProperty("is_water").GetBoolean())
        {
            return;
        }

        var (kind, reason) = Classify(x);
        var outcome = Decode(x, new PortableWMBusCipher());
        var what = $"line {line} {x.GetProperty("driver")} [{kind}{(reason.Length > 0 ? ": " + reason : string.Empty)}]";
        Assert.True(outcome.Kind != "wrong", $"{what}: {outcome.Detail}");
        switch (kind)
        {
            case "standard":
            case "standard, other register":
                Assert.True(outcome.Kind == "exact", $"{what}: {outcome.Kind} {outcome.Detail}");
                break;
            case "malformed":
                Assert.True(outcome.Kind == "failed", $"{what}: decoded although malformed");
                break;
            default:
                Assert.True(outcome.Kind is "exact" or "failed", $"{what}: {outcome.Kind} {outcome.Detail}");
                break;
        }
    }

    [ConformanceFact]
    public void TryDecode_AllWaterTelegrams_ReportAndFloors()
    {
        ConformanceCorpus.Require();
        var water = ConformanceCorpus.Lines(File).Select((x, i) => (X: x, Line: i + 1)).Where(p => p.X.GetProperty("is_water").GetBoolean()).ToArray();
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (x, line) in water)
        {
            var (kind, reason) = Classify(x);
            var portable = Decode(x, new PortableWMBusCipher());
            var seam = Decode(x, new DotNetAesCipher());
            var noAes = Decode(x, cipher: null);
            Assert.True(portable.Kind == seam.Kind, $"line {line}: firmware AES gave {portable.Kind} ({portable.Detail}), .NET AES {seam.Kind} ({seam.Detail})");
            Count(counts, $"{kind}: {portable.Kind}");
            Count(counts, $"{kind}: {portable.Kind} (without AES: {noAes.Kind})");
            if (kind != "standard" || portable.Kind != "exact")
            {
                var how = portable.Kind == "exact" ? "exact" + (portable.Detail.Length > 0 ? " via " + portable.Detail : string.Empty) : portable.Kind + ": " + portable.Detail;
                output.WriteLine($"line {line,3} {x.GetProperty("driver"),-12} {kind}{(reason.Length > 0 ? " (" + reason + ")" : string.Empty)} -> {how}");
            }
        }

        output.WriteLine(string.Empty);
        foreach (var (k, v) in counts)
        {
            output.WriteLine($"{k}: {v}");
        }

        var standard = water.Count(p => Classify(p.X).Kind == "standard");
        var standardExact = counts.GetValueOrDefault("standard: exact");
        var manufacturerExact = counts.GetValueOrDefault("manufacturer: exact");
        output.WriteLine($"standard EN 13757-3 water vectors: {standard}, exact: {standardExact}; manufacturer specific decoded exactly: {manufacturerExact}");
        Assert.Equal(113, water.Length);
        Assert.Equal(standard, standardExact);
        Assert.True(standardExact >= StandardFloor, $"only {standardExact} standard vectors exact");
        Assert.True(manufacturerExact >= ManufacturerDecodedFloor, $"only {manufacturerExact} manufacturer specific vectors decoded");
        Assert.Equal(0, counts.Where(c => c.Key.EndsWith(": wrong", StringComparison.Ordinal)).Sum(c => c.Value));
        Assert.Equal(_malformed.Count, counts.GetValueOrDefault("malformed: failed"));
    }

    /// <summary>The class of a vector from the corpus alone: header, driver and the tables above.</summary>
    internal static (string Kind, string Reason) Classify(JsonElement x)
    {
        var source = x.GetProperty("source").GetString()!;
        var id = source[(source.LastIndexOf(':') + 1)..];
        if (_malformed.TryGetValue(id, out var why))
        {
            return ("malformed", why);
        }

        var header = x.GetProperty("header");
        var chain = header.TryGetProperty("ci_chain", out var c) ? c.EnumerateArray().Select(e => Convert.ToInt32(e.GetString(), 16)).ToArray() : [];
        var manufacturerCi = chain.FirstOrDefault(ci => ci >= 0xA0 && ci <= 0xB7);
        if (manufacturerCi != 0)
        {
            return ("manufacturer", $"manufacturer specific CI 0x{manufacturerCi:X2}");
        }

        var mode = header.TryGetProperty("security_mode", out var m) && m.ValueKind == JsonValueKind.Number ? m.GetInt32() : 0;
        if (mode == 1 || mode >= 16)
        {
            return ("manufacturer", $"manufacturer specific security mode {mode}");
        }

        var driver = x.GetProperty("driver").GetString()!;
        if (driver is "apator162" or "zenner0b")
        {
            return ("manufacturer", "register in manufacturer data after DIF 0x0F");
        }

        if (driver is "qwater" or "qwaterv2" && chain.Length > 0 && chain[0] == 0x78)
        {
            return ("manufacturer", "register in the walk-by record DIF 0D VIF FF 5F");
        }

        return x.GetProperty("expected").TryGetProperty("total_m3", out _) ? ("standard", string.Empty) : ("standard, other register", string.Empty);
    }

    /// <summary>
    /// Decodes a vector as the corpus says (prior frames first, its key or none) and compares the register.
    /// Kind: exact, wrong, failed; Detail: the error, or the manufacturer layout used.
    /// </summary>
    internal static (string Kind, string Detail) Decode(JsonElement x, IWMBusCipher? cipher)
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

        var expected = x.GetProperty("expected");
        var storage = 0;
        if (!expected.TryGetProperty("total_m3", out var total))
        {
            var other = _otherRegister[x.GetProperty("driver").GetString()!];
            total = expected.GetProperty(other.Field);
            storage = other.Storage;
        }

        var want = decimal.Parse(total.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture);
        var r = storage == 0 ? WMBusWaterTotal.Find(t) : Enumerable.Range(0, t.RecordCount).Select(t.GetRecord).FirstOrDefault(q => q.Quantity == MBusQuantity.Volume && q.StorageNumber == storage);
        if (r == null)
        {
            return ("wrong", $"decoded {t.RecordCount} records but no volume register; expected {want}");
        }

        var got = WMBusWaterTotal.Value(r);
        return got == want ? ("exact", t.ManufacturerFormat ?? string.Empty) : ("wrong", $"register {got}, expected {want}");
    }

    private static void Count(SortedDictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;
}
