using Edge.Firmware.Wisun;
using Edge.HwSim.Serial;
using Edge.HwSim.Wisun;
using Xunit.Abstractions;

namespace Edge.HwSim.Tests.Wisun;

/// <summary>The firmware B-route client against the virtual Wi-SUN module over a real pty.</summary>
[Collection(WisunCollection.Name)]
public sealed class VirtualWisunModuleTests(ITestOutputHelper output)
{
    // EPC 0xD3: coefficient (ECHONET Lite Appendix, low-voltage smart electric energy meter); recorded from a real meter.
    private const byte Coefficient = 0xD3;

    [Theory]
    [InlineData(WisunModuleGeneration.Bp35A1)]
    [InlineData(WisunModuleGeneration.Bp35C0)]
    public void Connect_ThenRequest_JoinsAndGetsTheRecordedAnswer(int generation)
    {
        Assert.True(RecordedMeterFrames.Available, "conformance corpus (echonet.jsonl) not found");
        using var rig = new WisunRig(generation);

        var start = rig.Clock.UptimeMs;
        Assert.Equal(WisunError.Ok, rig.Client.Connect());
        var joined = rig.Clock.UptimeMs;
        var request = RecordedMeterFrames.Get(0x0042, Coefficient);
        Assert.Equal(WisunError.Ok, rig.Client.Request(request, 0, request.Length, 30_000));
        var answered = rig.Clock.UptimeMs;

        var expected = (byte[])RecordedMeterFrames.ByEpc[Coefficient].Clone();
        expected[2] = 0x00;
        expected[3] = 0x42;
        Assert.Equal(expected, rig.Client.Received.AsSpan(0, rig.Client.ReceivedLength).ToArray());
        Assert.Equal(WisunState.Joined, rig.Client.State);
        Assert.Equal(rig.Meter.LinkLocal, rig.Client.MeterAddress);
        Assert.Equal(1, rig.Module.SessionsEstablished);

        // Scan at duration 4 over 28 channels (4.76 s) and PANA (3 s) at least; well under a minute in all.
        Assert.InRange(joined - start, 7_760, 60_000);
        output.WriteLine($"generation {generation}: join {joined - start} ms, first exchange {answered - joined} ms (simulated)");
    }

    [Fact]
    public void Request_MeterDisappearsMidSession_DetectsRescansAndRejoinsWhenBack()
    {
        using var rig = new WisunRig();
        var client = rig.Client;
        var request = RecordedMeterFrames.Get(1, Coefficient);
        Assert.Equal(WisunError.Ok, client.Connect());
        Assert.Equal(WisunError.Ok, client.Request(request, 0, request.Length, 30_000));

        rig.Meter.Present = false;
        var gone = rig.Clock.UptimeMs;
        var results = new List<int>();
        while (client.State == WisunState.Joined && results.Count < 10)
        {
            results.Add(client.Request(request, 0, request.Length, 30_000));
        }

        Assert.Equal([WisunError.SendFailed, WisunError.SendFailed, WisunError.SessionLost], results);
        var detected = rig.Clock.UptimeMs;
        var scansBefore = rig.Module.Scans;
        Assert.Equal(WisunError.NoPanFound, client.Connect());
        Assert.Equal(4, rig.Module.Scans - scansBefore);

        rig.Meter.Present = true;
        Assert.Equal(WisunError.Ok, client.Connect());
        Assert.Equal(WisunError.Ok, client.Request(request, 0, request.Length, 30_000));
        Assert.Equal(2, rig.Module.SessionsEstablished);
        output.WriteLine($"meter gone detected after {detected - gone} ms (simulated); rejoin took {client.LastConnectMs} ms");
    }

    [Fact]
    public void Request_MeterMute_LostAfterUnansweredThenRejoins()
    {
        using var rig = new WisunRig();
        var client = rig.Client;
        var request = RecordedMeterFrames.Get(2, Coefficient);
        Assert.Equal(WisunError.Ok, client.Connect());
        rig.Meter.Mute = true;

        Assert.Equal(WisunError.NoAnswer, client.Request(request, 0, request.Length, 5_000));
        Assert.Equal(WisunError.NoAnswer, client.Request(request, 0, request.Length, 5_000));
        Assert.Equal(WisunError.SessionLost, client.Request(request, 0, request.Length, 5_000));

        rig.Meter.Mute = false;
        Assert.Equal(WisunError.Ok, client.Connect());
        Assert.Equal(WisunError.Ok, client.Request(request, 0, request.Length, 30_000));
    }

    [Fact]
    public void Request_SlowMeter_AnsweredWithinTimeout()
    {
        using var rig = new WisunRig();
        rig.Meter.ResponseDelay = TimeSpan.FromSeconds(6);
        var request = RecordedMeterFrames.Get(3, Coefficient);
        Assert.Equal(WisunError.Ok, rig.Client.Connect());
        var sent = rig.Clock.UptimeMs;

        Assert.Equal(WisunError.Ok, rig.Client.Request(request, 0, request.Length, 20_000));
        Assert.True(rig.Clock.UptimeMs - sent >= 6_000);
    }

    [Fact]
    public void Request_ModuleReset_FailsUntilLostThenRejoins()
    {
        using var rig = new WisunRig();
        var client = rig.Client;
        var request = RecordedMeterFrames.Get(4, Coefficient);
        Assert.Equal(WisunError.Ok, client.Connect());

        rig.Module.Reset();

        Assert.Equal(WisunError.CommandFailed, client.Request(request, 0, request.Length, 30_000));
        Assert.Equal(SkStackFailCode.ExecutionFailed, client.LastFailCode);
        Assert.Equal(WisunError.CommandFailed, client.Request(request, 0, request.Length, 30_000));
        Assert.Equal(WisunError.SessionLost, client.Request(request, 0, request.Length, 30_000));
        Assert.Equal(WisunError.Ok, client.Connect());
        Assert.Equal(WisunError.Ok, client.Request(request, 0, request.Length, 30_000));
    }

    [Fact]
    public void Receive_InfPushedByMeter_Delivered()
    {
        using var rig = new WisunRig(WisunModuleGeneration.Bp35C0);
        Assert.Equal(WisunError.Ok, rig.Client.Connect());
        byte[] inf = Convert.FromHexString("108100000EF0010EF0017301D50401028801");

        Assert.True(rig.Module.PushFromMeter(inf));

        Assert.Equal(WisunError.Ok, rig.Client.Receive(10_000));
        Assert.Equal(inf, rig.Client.Received.AsSpan(0, rig.Client.ReceivedLength).ToArray());
    }

    [Fact]
    public void Receive_SessionExpiresWithMeterGone_Lost()
    {
        using var rig = new WisunRig();
        Assert.Equal(WisunError.Ok, rig.Client.Connect());

        rig.Meter.Present = false;
        rig.Module.ExpireSession();

        Assert.Equal(WisunError.SessionLost, rig.Client.Receive(60_000));
    }

    [Fact]
    public void Receive_SessionExpiresWithMeterThere_ReauthenticatesAndStaysJoined()
    {
        using var rig = new WisunRig();
        Assert.Equal(WisunError.Ok, rig.Client.Connect());

        rig.Module.ExpireSession();

        Assert.Equal(WisunError.NoAnswer, rig.Client.Receive(10_000));
        Assert.Equal(WisunState.Joined, rig.Client.State);
        var request = RecordedMeterFrames.Get(5, Coefficient);
        Assert.Equal(WisunError.Ok, rig.Client.Request(request, 0, request.Length, 30_000));
    }

    [Fact]
    public void Connect_WrongPassword_JoinFailsWithEvent24()
    {
        var meter = new VirtualBrouteMeter { Password = "BA9876543210", Responder = RecordedMeterFrames.Respond };
        using var rig = new WisunRig(meter: meter);
        var client = new WisunBrouteClient(new ScaledSerialLink(rig.Port, rig.Time), rig.Clock, new WisunBrouteConfig
        {
            Password = "0123456789AB",
            RouteBId = meter.RouteBId,
            CommandTimeoutMs = 60_000,
        });

        Assert.Equal(WisunError.JoinFailed, client.Connect());
        Assert.Equal(2, client.Joins);
        Assert.False(rig.Module.SessionUp);
    }
}
