using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Edge.Firmware.MBus;

namespace Edge.Benchmarks.MBusDecode;

/// <summary>One telegram to decode repeatedly, with where it came from.</summary>
internal sealed record DecodeSample(string Name, byte[] Frame, byte[]? Key, bool Wired, string Source);

/// <summary>
/// Picks the telegrams for <c>mbus-decode</c>: from the conformance corpus when it is present (read in place,
/// never copied), else hand-built ones of the same kinds.
/// </summary>
internal static class DecodeSamples
{
    public static IReadOnlyList<DecodeSample> Load(TextWriter output)
    {
        var corpus = CorpusDirectory();
        var samples = new List<DecodeSample>();
        if (Directory.Exists(corpus))
        {
            var wmbus = ReadLines(Path.Combine(corpus, "wmbus.jsonl"));
            var mbus = ReadLines(Path.Combine(corpus, "mbus.jsonl"));
            AddFirst(samples, "wmbus_plain", wmbus, x => Water(x) && State(x) == "plaintext" && Ci(x, "7A"), withKey: false, wired: false);
            AddFirst(samples, "wmbus_mode5", wmbus, x => Water(x) && State(x) == "encrypted" && SecurityMode(x) == 5 && x.GetProperty("key").ValueKind == JsonValueKind.String, withKey: true, wired: false);
            AddFirst(samples, "wmbus_compact", wmbus, x => Water(x) && Ci(x, "79"), withKey: false, wired: false);
            AddFirst(samples, "wmbus_prios", wmbus, x => Water(x) && Ci(x, "A2") && x.GetProperty("driver").GetString() == "izar", withKey: false, wired: false);
            AddFirst(samples, "wmbus_apator162", wmbus, x => Water(x) && x.GetProperty("driver").GetString() == "apator162", withKey: false, wired: false);
            AddFirst(samples, "mbus", mbus, x => x.GetProperty("category").GetString() == "test-frames", withKey: false, wired: true);
        }
        else
        {
            output.WriteLine($"corpus: not found at {corpus} (set EDGE_CONFORMANCE_DIR); using hand-built telegrams");
        }

        foreach (var built in HandBuilt())
        {
            if (!samples.Exists(s => s.Name == built.Name))
            {
                samples.Add(built);
            }
        }

        return samples;
    }

    private static IEnumerable<DecodeSample> HandBuilt()
    {
        const string link = "442D2C785634121B16"; // C=44, M "KAM", ID 12345678, version 1B, cold water
        const string plain = "2F2F" + "0413" + "39300000" + "2F2F2F2F2F2F2F2F"; // 04 13 = 12345 l
        yield return new("wmbus_plain", Wireless(link + "7A" + "20000000" + plain), null, false, "hand-built CI 7A, one volume record");
        var key = Convert.FromHexString("000102030405060708090A0B0C0D0E0F");
        using (var aes = Aes.Create())
        {
            // Mode 5 IV: M, A (ID, version, type), 8 × access number (EN 13757-7 §9.2).
            aes.Key = key;
            var encrypted = aes.EncryptCbc(Convert.FromHexString(plain), Convert.FromHexString("2D2C785634121B16" + "2020202020202020"), PaddingMode.None);
            yield return new("wmbus_mode5", Wireless(link + "7A" + "2000" + "1005" + Convert.ToHexString(encrypted)), key, false, "hand-built CI 7A mode 5, one AES block");
        }

        yield return new("wmbus_compact", Wireless(link + "79" + "EDA8" + "0000" + "0000" + "39300000" + "E02E0000" + "0C" + "14"), null, false, "hand-built Kamstrup compact frame, format 0xA8ED");
        var body = Convert.FromHexString("08" + "01" + "72" + "78563412" + "2D2C" + "01" + "07" + "05" + "00" + "0000" + "0413" + "39300000");
        byte[] wired = [0x68, (byte)body.Length, (byte)body.Length, 0x68, .. body, (byte)body.Sum(b => b), 0x16];
        yield return new("mbus", wired, null, true, "hand-built long frame CI 72, one volume record");
    }

    private static void AddFirst(List<DecodeSample> samples, string name, IReadOnlyList<JsonElement> lines, Func<JsonElement, bool> pick, bool withKey, bool wired)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var x = lines[i];
            if (!pick(x))
            {
                continue;
            }

            var frame = Convert.FromHexString(x.GetProperty("hex").GetString()!);
            var key = withKey ? Convert.FromHexString(x.GetProperty("key").GetString()!) : null;
            var t = new MBusTelegram();
            var ok = wired
                ? new MBusWiredDecoder().TryDecode(frame, 0, frame.Length, t)
                : new WMBusDecoder { Cipher = new PortableWMBusCipher() }.TryDecode(frame, 0, frame.Length, key, t);

            // A frame that still carries its last link CRC decodes through a second parse: not the common case.
            if (ok && !t.TrailingLinkCrcRemoved)
            {
                var label = x.TryGetProperty("driver", out var driver) ? driver.GetString() : x.GetProperty("name").GetString();
                var file = wired ? "mbus.jsonl" : "wmbus.jsonl";
                samples.Add(new(name, frame, key, wired, string.Create(CultureInfo.InvariantCulture, $"corpus {file} line {i + 1} ({label}, {frame.Length} bytes, {t.RecordCount} records)")));
                return;
            }
        }
    }

    private static bool Water(JsonElement x) => x.GetProperty("is_water").GetBoolean() && !x.GetProperty("hex").GetString()!.StartsWith("68", StringComparison.Ordinal);

    private static string? State(JsonElement x) => x.GetProperty("header").TryGetProperty("payload_state", out var s) ? s.GetString() : null;

    private static int SecurityMode(JsonElement x) => x.GetProperty("header").TryGetProperty("security_mode", out var s) ? s.GetInt32() : -1;

    private static bool Ci(JsonElement x, string ci) =>
        x.GetProperty("header").TryGetProperty("ci_chain", out var chain) ? chain.EnumerateArray().Any(c => c.GetString() == ci) : x.GetProperty("header").GetProperty("CI").GetString() == ci;

    private static byte[] Wireless(string hex)
    {
        var body = Convert.FromHexString(hex);
        return [(byte)body.Length, .. body];
    }

    private static IReadOnlyList<JsonElement> ReadLines(string path) =>
        File.Exists(path) ? File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToArray() : [];

    /// <summary>EDGE_CONFORMANCE_DIR, else ../shared/conformance beside the repository root (where Edge.sln is).</summary>
    private static string CorpusDirectory()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("EDGE_CONFORMANCE_DIR");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }

        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Edge.sln")))
        {
            dir = dir.Parent;
        }

        return Path.GetFullPath(Path.Combine(dir?.FullName ?? Directory.GetCurrentDirectory(), "..", "shared", "conformance"));
    }
}
