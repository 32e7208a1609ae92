using Edge.Firmware.Tests.Fakes;
using Edge.Firmware.Wisun;

namespace Edge.Firmware.Tests.Wisun;

public class WisunBrouteClientTests
{
    private static readonly byte[] _getE7 = Convert.FromHexString("1081000105FF010288016201E700");

    private readonly FakeClock _clock = new();
    private readonly SkStackScript _module = new();
    private readonly ScriptedModuleLink _link;

    public WisunBrouteClientTests()
    {
        _link = new ScriptedModuleLink(_clock) { Respond = _module.Respond };
    }

    private WisunBrouteClient Client(int generation = WisunModuleGeneration.Bp35A1) =>
        new(_link, _clock, SkStackScript.Config(generation));

    [Fact]
    public void Connect_MeterPresent_RunsTheBrouteSequenceAndJoins()
    {
        var client = Client();

        Assert.Equal(WisunError.Ok, client.Connect());

        Assert.Equal(
            [
                "SKVER", "SKSREG SFE 0", "ROPT", "WOPT 01", "SKSETPWD C " + SkStackScript.Password, "SKSETRBID " + SkStackScript.RouteBId,
                "SKSCAN 2 FFFFFFFF 4", "SKSREG S2 21", "SKSREG S3 8888", "SKLL64 " + SkStackScript.MeterMac, "SKJOIN " + SkStackScript.MeterAddress,
            ],
            _link.Commands);
        Assert.Equal(WisunState.Joined, client.State);
        Assert.Equal(SkStackScript.MeterAddress, client.MeterAddress);
        Assert.Equal(33, client.Pan.Channel);
        Assert.Equal(0x8888, client.Pan.PanId);
        Assert.Equal("1.2.10", client.ModuleVersion);
    }

    [Fact]
    public void Connect_MeterHeardOnlyByLongerScans_IncreasesDuration()
    {
        _module.ShortestScanThatHears = 6;
        var client = Client();

        Assert.Equal(WisunError.Ok, client.Connect());

        Assert.Equal(["SKSCAN 2 FFFFFFFF 4", "SKSCAN 2 FFFFFFFF 5", "SKSCAN 2 FFFFFFFF 6"], _link.Commands.Where(c => c.StartsWith("SKSCAN", StringComparison.Ordinal)));
    }

    [Fact]
    public void Connect_NoMeter_ScansToLongestDurationThenNoPanFound()
    {
        _module.MeterPresent = false;
        var client = Client();

        Assert.Equal(WisunError.NoPanFound, client.Connect());

        Assert.Equal(4, client.Scans);
        Assert.Equal("SKSCAN 2 FFFFFFFF 7", _link.Commands[^1]);
        Assert.Equal(WisunState.Lost, client.State);
    }

    [Fact]
    public void Connect_PanaFailsOnce_RetriesJoin()
    {
        _module.JoinFailures = 1;
        var client = Client();

        Assert.Equal(WisunError.Ok, client.Connect());
        Assert.Equal(2, client.Joins);
    }

    [Fact]
    public void Connect_PanaAlwaysFails_JoinFailedAndLost()
    {
        _module.JoinFailures = 100;
        var client = Client();

        Assert.Equal(WisunError.JoinFailed, client.Connect());
        Assert.Equal(WisunState.Lost, client.State);
    }

    [Fact]
    public void Connect_ModuleSilent_TimesOutAfterProbes()
    {
        _link.Respond = _ => null;
        var client = Client();

        Assert.Equal(WisunError.ModuleTimeout, client.Connect());

        Assert.Equal(3, _link.Commands.Count);
        Assert.Equal(3 * 3000, _clock.UptimeMs);
    }

    [Fact]
    public void Connect_BadConfig_WritesNothing()
    {
        var client = new WisunBrouteClient(_link, _clock, new WisunBrouteConfig { Password = "0123456789AB", RouteBId = "short" });

        Assert.Equal(WisunError.BadConfig, client.Connect());
        Assert.Empty(_link.Commands);
        Assert.Equal(WisunState.Idle, client.State);
    }

    [Fact]
    public void Request_Joined_SendsRawDataAndReturnsTheAnswer()
    {
        var client = Client();
        client.Connect();

        Assert.Equal(WisunError.Ok, client.Request(_getE7, 0, _getE7.Length, 5000));

        Assert.Equal("SKSENDTO 1 " + SkStackScript.MeterAddress + " 0E1A 1 000E " + System.Text.Encoding.Latin1.GetString(_getE7), _module.Sent.Single());
        Assert.Equal(_module.Answer, Convert.ToHexString(client.Received, 0, client.ReceivedLength));
    }

    [Fact]
    public void Bp35C0_ScanAndSend_CarrySideArgument()
    {
        _module.C0 = true;
        var client = Client(WisunModuleGeneration.Bp35C0);

        Assert.Equal(WisunError.Ok, client.Connect());
        Assert.Equal(WisunError.Ok, client.Request(_getE7, 0, _getE7.Length, 5000));

        Assert.Contains("SKSCAN 2 FFFFFFFF 4 0", _link.Commands);
        Assert.StartsWith("SKSENDTO 1 " + SkStackScript.MeterAddress + " 0E1A 1 0 000E ", _module.Sent.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Request_MeterGoesAway_LostAfterFailedSendsThenRejoinsWhenBack()
    {
        var client = Client();
        client.Connect();
        _module.MeterPresent = false;

        Assert.Equal(WisunError.SendFailed, client.Request(_getE7, 0, _getE7.Length, 5000));
        Assert.Equal(WisunError.SendFailed, client.Request(_getE7, 0, _getE7.Length, 5000));
        Assert.Equal(WisunError.SessionLost, client.Request(_getE7, 0, _getE7.Length, 5000));
        Assert.Equal(WisunState.Lost, client.State);
        Assert.Equal(WisunError.SessionLost, client.Request(_getE7, 0, _getE7.Length, 5000));
        Assert.Equal(WisunError.NoPanFound, client.Connect());

        _module.MeterPresent = true;
        Assert.Equal(WisunError.Ok, client.Connect());
        Assert.Equal(WisunError.Ok, client.Request(_getE7, 0, _getE7.Length, 5000));
        Assert.Equal(1, client.SessionsLost);
    }

    [Fact]
    public void Request_MeterStopsAnswering_LostAfterUnansweredRequests()
    {
        var client = Client();
        client.Connect();
        _module.MeterAnswers = false;
        var before = _clock.UptimeMs;

        Assert.Equal(WisunError.NoAnswer, client.Request(_getE7, 0, _getE7.Length, 5000));
        Assert.Equal(WisunError.NoAnswer, client.Request(_getE7, 0, _getE7.Length, 5000));
        Assert.Equal(WisunError.SessionLost, client.Request(_getE7, 0, _getE7.Length, 5000));

        Assert.Equal(3 * 5000, _clock.UptimeMs - before);
        Assert.Equal(WisunState.Lost, client.State);
    }

    [Fact]
    public void NoteUnanswered_CallerWaitsInVainThreeTimes_LostUnlessADatagramCameBetween()
    {
        var client = Client();
        client.Connect();
        _module.MeterAnswers = false;

        // A caller that sends and receives itself (ECHONET Lite TID matching) reports each request left unanswered.
        Assert.Equal(WisunError.Ok, client.Send(_getE7, 0, _getE7.Length));
        Assert.Equal(WisunError.NoAnswer, client.NoteUnanswered());
        Assert.Equal(WisunError.NoAnswer, client.NoteUnanswered());
        _link.Push($"ERXUDP {SkStackScript.MeterAddress} FE80:0000:0000:0000:021D:1290:1111:2222 0E1A 0E1A 001D129012345678 1 0004 10810000\r\n");
        Assert.Equal(WisunError.Ok, client.Receive(100));
        Assert.Equal(WisunError.NoAnswer, client.NoteUnanswered());
        Assert.Equal(WisunError.NoAnswer, client.NoteUnanswered());
        Assert.Equal(WisunState.Joined, client.State);

        Assert.Equal(WisunError.SessionLost, client.NoteUnanswered());
        Assert.Equal(WisunState.Lost, client.State);
    }

    [Fact]
    public void Receive_SessionExpiredThenReauthenticated_StaysJoined()
    {
        var client = Client();
        client.Connect();
        _link.Push($"EVENT 29 {SkStackScript.MeterAddress}\r\n");
        Assert.Equal(WisunError.NoAnswer, client.Receive(100));
        Assert.Equal(WisunState.Reauthenticating, client.State);

        _link.Push($"EVENT 25 {SkStackScript.MeterAddress}\r\n");
        Assert.Equal(WisunError.NoAnswer, client.Receive(100));
        Assert.Equal(WisunState.Joined, client.State);
    }

    [Theory]
    [InlineData("EVENT 29 {0}\r\nEVENT 24 {0}\r\n")]
    [InlineData("EVENT 26 {0}\r\n")]
    [InlineData("EVENT 28 {0}\r\n")]
    public void Receive_SessionEnds_Lost(string events)
    {
        var client = Client();
        client.Connect();
        _link.Push(string.Format(System.Globalization.CultureInfo.InvariantCulture, events, SkStackScript.MeterAddress));

        Assert.Equal(WisunError.SessionLost, client.Receive(100));
        Assert.Equal(WisunState.Lost, client.State);
    }

    [Fact]
    public void Receive_InfPushedAmongGarbage_ReturnsIt()
    {
        var client = Client();
        client.Connect();
        const string inf = "108100000EF0010EF0017301D50401028801";
        _link.Push($"\x00\xFFnoise\r\nERXUDP {SkStackScript.MeterAddress} FF02:0000:0000:0000:0000:0000:0000:0001 0E1A 0E1A {SkStackScript.MeterMac} 1 0012 {inf}\r\n");

        Assert.Equal(WisunError.Ok, client.Receive(100));

        Assert.Equal(inf, Convert.ToHexString(client.Received, 0, client.ReceivedLength));
        Assert.Equal(1, client.GarbageLines);
    }

    [Fact]
    public void Receive_TruncatedHexPayload_IsGarbageNotData()
    {
        var client = Client();
        client.Connect();
        _link.Push($"ERXUDP {SkStackScript.MeterAddress} FE80::2 0E1A 0E1A {SkStackScript.MeterMac} 1 0012 108100000EF0010EF0\r\n");

        Assert.Equal(WisunError.NoAnswer, client.Receive(100));
        Assert.Equal(1, client.GarbageLines);
    }

    [Fact]
    public void Send_NotJoined_RefusedWithoutWriting()
    {
        var client = Client();

        Assert.Equal(WisunError.NotJoined, client.Send(_getE7, 0, _getE7.Length));
        Assert.Empty(_link.Commands);
    }

    [Fact]
    public void Close_Joined_TerminatesAndIsIdle()
    {
        var client = Client();
        client.Connect();

        Assert.Equal(WisunError.Ok, client.Close());
        Assert.Equal(WisunState.Idle, client.State);
        Assert.Equal("SKTERM", _link.Commands[^1]);
        Assert.Equal(0, client.SessionsLost);
    }
}
