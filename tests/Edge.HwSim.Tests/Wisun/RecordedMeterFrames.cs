using System.Text.Json;

namespace Edge.HwSim.Tests.Wisun;

/// <summary>
/// A meter responder that answers from frames recorded in the conformance corpus (echonet.jsonl): the Get_Res of
/// the smart electricity meter (SEOJ 028801) whose first property is the one asked for, with the request's TID.
/// Only the fixed header offsets of an ECHONET Lite frame are used (EHD 2, TID 2, SEOJ 3, DEOJ 3, ESV, OPC, EPC);
/// decoding is the ECHONET codec's job.
/// </summary>
internal static class RecordedMeterFrames
{
    private static readonly Lazy<Dictionary<byte, byte[]>> _byEpc = new(Load);

    /// <summary>True when the corpus was found.</summary>
    public static bool Available => _byEpc.Value.Count > 0;

    /// <summary>Recorded Get_Res frames by first EPC.</summary>
    public static IReadOnlyDictionary<byte, byte[]> ByEpc => _byEpc.Value;

    /// <summary>The recorded answer to a Get (ESV 0x62) for its first EPC, TID copied; null for anything else.</summary>
    public static byte[]? Respond(byte[] request)
    {
        if (request.Length < 14 || request[0] != 0x10 || request[1] != 0x81 || request[10] != 0x62
            || !_byEpc.Value.TryGetValue(request[12], out var recorded))
        {
            return null;
        }

        var answer = (byte[])recorded.Clone();
        answer[2] = request[2];
        answer[3] = request[3];
        return answer;
    }

    /// <summary>A Get (ESV 0x62) from a controller (05FF01) to the meter (028801) for one EPC, PDC 0.</summary>
    public static byte[] Get(ushort tid, byte epc) =>
        [0x10, 0x81, (byte)(tid >> 8), (byte)tid, 0x05, 0xFF, 0x01, 0x02, 0x88, 0x01, 0x62, 0x01, epc, 0x00];

    private static Dictionary<byte, byte[]> Load()
    {
        var result = new Dictionary<byte, byte[]>();
        var path = Path.Combine(CorpusDirectory(), "echonet.jsonl");
        if (!File.Exists(path))
        {
            return result;
        }

        foreach (var line in File.ReadLines(path).Where(l => l.Length > 0))
        {
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            if (r.GetProperty("kind").GetString() != "echonet" || r.GetProperty("hex").GetString() is not { } hex)
            {
                continue;
            }

            var frame = Convert.FromHexString(hex);
            if (frame.Length >= 14 && frame[4] == 0x02 && frame[5] == 0x88 && frame[10] == 0x72)
            {
                result.TryAdd(frame[12], frame);
            }
        }

        return result;
    }

    private static string CorpusDirectory()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("EDGE_CONFORMANCE_DIR");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment;
        }

        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Edge.sln")))
        {
            dir = dir.Parent;
        }

        return Path.GetFullPath(Path.Combine(dir?.FullName ?? Directory.GetCurrentDirectory(), "..", "shared", "conformance"));
    }
}
