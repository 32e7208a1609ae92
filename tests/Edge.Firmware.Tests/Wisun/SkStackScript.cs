using Edge.Firmware.Wisun;

namespace Edge.Firmware.Tests.Wisun;

/// <summary>
/// What a BP35A1 answers to each command of a B-route join (command reference examples), for the in-memory
/// link; the meter's presence and behaviour are switches the test turns.
/// </summary>
internal sealed class SkStackScript
{
    public const string Password = "0123456789AB";
    public const string RouteBId = "00112233445566778899AABBCCDDEEFF";
    public const string MeterMac = "001D129012345678";

    // EUI-64 to IPv6 interface identifier: the universal/local bit (0x02 of the first byte) inverted (RFC 4291 App. A).
    public const string MeterAddress = "FE80:0000:0000:0000:021D:1290:1234:5678";

    public bool MeterPresent { get; set; } = true;

    public bool MeterAnswers { get; set; } = true;

    public int ShortestScanThatHears { get; set; }

    public int JoinFailures { get; set; }

    public bool C0 { get; set; }

    public string Answer { get; set; } = "1081000102880105FF017201E704000003E8";

    public List<string> Sent { get; } = [];

    public static WisunBrouteConfig Config(int generation = WisunModuleGeneration.Bp35A1) => new()
    {
        Password = Password,
        RouteBId = RouteBId,
        Generation = generation,
    };

    public string? Respond(string command)
    {
        var side = C0 ? " 0" : string.Empty;
        var parts = command.Split(' ');
        switch (parts[0])
        {
            case "SKVER":
                return "EVER 1.2.10\r\nOK\r\n";
            case "ROPT":
                return "OK 00\r\n";
            case "WOPT":
            case "SKSREG":
            case "SKSETPWD":
            case "SKSETRBID":
                return "OK\r\n";
            case "SKSCAN":
                var duration = Convert.ToInt32(parts[3], 16);
                var beacon = MeterPresent && duration >= ShortestScanThatHears
                    ? $"EVENT 20 {MeterAddress}{side}\r\nEPANDESC\r\n  Channel:21\r\n  Channel Page:09\r\n  Pan ID:8888\r\n  Addr:{MeterMac}\r\n  LQI:E1\r\n  PairID:CCDDEEFF\r\n"
                    : string.Empty;
                return $"OK\r\n{beacon}EVENT 22 {MeterAddress}{side}\r\n";
            case "SKLL64":
                return parts[1] == MeterMac ? MeterAddress + "\r\n" : "FAIL ER06\r\n";
            case "SKJOIN":
                if (!MeterPresent || JoinFailures > 0)
                {
                    JoinFailures--;
                    return $"OK\r\nEVENT 24 {MeterAddress}{side}\r\n";
                }

                return $"OK\r\nEVENT 21 {MeterAddress}{side} 02\r\nERXUDP {MeterAddress} FE80:0000:0000:0000:021D:1290:1111:2222 02CC 02CC {MeterMac} 0 0002 0000\r\nEVENT 25 {MeterAddress}{side}\r\n";
            case "SKSENDTO":
                Sent.Add(command);
                if (!MeterPresent)
                {
                    return $"EVENT 21 {MeterAddress}{side} 01\r\nOK\r\n";
                }

                var reply = MeterAnswers
                    ? $"ERXUDP {MeterAddress} FE80:0000:0000:0000:021D:1290:1111:2222 0E1A 0E1A {MeterMac} 1 {Answer.Length / 2:X4} {Answer}\r\n"
                    : string.Empty;
                return $"EVENT 21 {MeterAddress}{side} 00\r\nOK\r\n{reply}";
            case "SKTERM":
                return $"OK\r\nEVENT 27 {MeterAddress}{side}\r\n";
            default:
                return "FAIL ER04\r\n";
        }
    }
}
