using System.Text;
using Edge.Firmware.Host.Serial;
using Edge.Gateway.Links.Iridium;
using Edge.HwSim.Iridium;
using Edge.HwSim.Serial;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.HwSim.Tests.Iridium;

/// <summary>The gateway's 9602/9603 driver against the virtual 9603 over a real pseudo-terminal.</summary>
[Collection(IridiumCollection.Name)]
public sealed class IridiumModemTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task InitializeAsync_ModemEchoesAtPowerUp_SucceedsAndSignalReads()
    {
        using var rig = new ModemRig(new Virtual9603Options { InitialSignalBars = 3 });
        await rig.Driver.InitializeAsync(CancellationToken.None);

        Assert.Equal(3, await rig.Driver.GetSignalQualityAsync(CancellationToken.None));
        Assert.Equal(1, rig.Modem.SignalQueries);
    }

    [Fact]
    public async Task WriteMessageAsync_Hello_OkAndEachSessionSendsBufferWithNextMomsn()
    {
        using var rig = new ModemRig(new Virtual9603Options { FailureRate = 0 });
        var received = new List<SbdMoMessage>();
        rig.Modem.MoReceived += (_, m) => { lock (received) { received.Add(m); } };
        await rig.Driver.InitializeAsync(CancellationToken.None);

        Assert.Equal(SbdWriteStatus.Ok, await rig.Driver.WriteMessageAsync("hello"u8.ToArray(), CancellationToken.None));
        var first = await rig.Driver.InitiateSessionAsync(false, CancellationToken.None);
        var second = await rig.Driver.InitiateSessionAsync(false, CancellationToken.None);

        // A session does not clear the MO buffer (only +SBDWB and +SBDD do): both sessions carry "hello".
        Assert.Equal(new SbdSessionResult(0, 0, 0, 0, 0, 0), first);
        Assert.Equal(1, second.Momsn);
        Assert.Equal(["hello", "hello"], received.Select(m => Encoding.ASCII.GetString(m.Payload)));
        Assert.Equal([0, 1], received.Select(m => m.Momsn));
    }

    [Fact]
    public async Task WriteMessageAsync_LineNoiseGarblesAByte_BadChecksum()
    {
        using var rig = new ModemRig();
        await rig.Driver.InitializeAsync(CancellationToken.None);
        rig.Modem.InjectLineNoise();

        Assert.Equal(SbdWriteStatus.BadChecksum, await rig.Driver.WriteMessageAsync("hello"u8.ToArray(), CancellationToken.None));
        Assert.Equal(SbdWriteStatus.Ok, await rig.Driver.WriteMessageAsync("hello"u8.ToArray(), CancellationToken.None));
    }

    [Fact]
    public async Task WriteMessageAsync_ModemTimesOutBeforeTheBytesArrive_Answer1ThenTheNextCommandsAnswerAtOnce()
    {
        // The modem gives up on the message at once (§8.12 answer 1): its bytes then reach it in command mode, where
        // they would prefix the next command line. One simulated minute of command timeout is 60 ms of wall clock.
        using var rig = new ModemRig(new Virtual9603Options { WriteTimeout = TimeSpan.Zero }, new IridiumModemOptions { CommandTimeout = TimeSpan.FromMinutes(1) });
        await rig.Driver.InitializeAsync(CancellationToken.None);

        Assert.Equal(SbdWriteStatus.Timeout, await rig.Driver.WriteMessageAsync("hello, satellite"u8.ToArray(), CancellationToken.None));

        Assert.Equal(4, await rig.Driver.GetSignalQualityAsync(CancellationToken.None));
        Assert.Equal(SbdWriteStatus.Timeout, await rig.Driver.WriteMessageAsync("again"u8.ToArray(), CancellationToken.None));
        Assert.Equal(4, await rig.Driver.GetSignalQualityAsync(CancellationToken.None));
    }

    [Fact]
    public async Task WriteMessageAsync_341Bytes_BadSize()
    {
        using var rig = new ModemRig();
        await rig.Driver.InitializeAsync(CancellationToken.None);

        Assert.Equal(SbdWriteStatus.BadSize, await rig.Driver.WriteMessageAsync(new byte[341], CancellationToken.None));
        Assert.Equal(SbdWriteStatus.Ok, await rig.Driver.WriteMessageAsync(new byte[340], CancellationToken.None));
    }

    [Fact]
    public async Task InitiateSessionAsync_InjectedRfDrop_FailureStatus18AndNothingDelivered()
    {
        using var rig = new ModemRig(new Virtual9603Options { FailureRate = 1, FailureCodes = [18] });
        await rig.Driver.InitializeAsync(CancellationToken.None);
        await rig.Driver.WriteMessageAsync("x"u8.ToArray(), CancellationToken.None);

        var result = await rig.Driver.InitiateSessionAsync(false, CancellationToken.None);

        Assert.Equal(18, result.MoStatus);
        Assert.False(result.MoSucceeded);
        Assert.Equal(SbdRetryAdvice.RetryWithBackoff, SbdMoStatus.Advise(result.MoStatus));
        Assert.Equal(0, rig.Modem.MoDelivered);
    }

    [Fact]
    public async Task InitiateSessionAsync_NoSignal_Status32NoNetworkService()
    {
        using var rig = new ModemRig(new Virtual9603Options { InitialSignalBars = 0 });
        await rig.Driver.InitializeAsync(CancellationToken.None);

        Assert.Equal(0, await rig.Driver.GetSignalQualityAsync(CancellationToken.None));
        var result = await rig.Driver.InitiateSessionAsync(false, CancellationToken.None);

        Assert.Equal(SbdMoStatus.NoNetworkService, result.MoStatus);
        Assert.Equal(SbdRetryAdvice.WaitForSignal, SbdMoStatus.Advise(result.MoStatus));
    }

    [Fact]
    public async Task ClearBuffersAsync_MobileOriginated_NextSessionIsAMailboxCheck()
    {
        using var rig = new ModemRig();
        await rig.Driver.InitializeAsync(CancellationToken.None);
        await rig.Driver.WriteMessageAsync("x"u8.ToArray(), CancellationToken.None);

        await rig.Driver.ClearBuffersAsync(SbdBuffers.MobileOriginated, CancellationToken.None);
        var result = await rig.Driver.InitiateSessionAsync(false, CancellationToken.None);

        Assert.True(result.MoSucceeded);
        Assert.Equal(0, rig.Modem.MoDelivered);
    }

    [Fact]
    public async Task WaitForRingAsync_MtQueuedAtGateway_RingThenSbdixaAndSbdrbReadTheMessage()
    {
        using var rig = new ModemRig();
        await rig.Driver.InitializeAsync(CancellationToken.None);
        var mt = Enumerable.Range(0, 300).Select(i => (byte)i).ToArray();

        rig.Modem.QueueMt(mt);
        Assert.True(await rig.Driver.WaitForRingAsync(TimeSpan.FromMinutes(5), CancellationToken.None));
        Assert.True(rig.Driver.RingPending);
        var session = await rig.Driver.InitiateSessionAsync(rig.Driver.RingPending, CancellationToken.None);
        var read = await rig.Driver.ReadMessageAsync(CancellationToken.None);

        Assert.Equal((1, 300, 0), (session.MtStatus, session.MtLength, session.MtQueued));
        Assert.Equal(mt, read);
        Assert.False(rig.Driver.RingPending);
    }

    [Fact]
    public async Task ReadMessageAsync_EmptyMtBuffer_ReturnsNoBytes()
    {
        using var rig = new ModemRig();
        await rig.Driver.InitializeAsync(CancellationToken.None);

        Assert.Empty(await rig.Driver.ReadMessageAsync(CancellationToken.None));
    }

    [Fact]
    public async Task WaitForRingAsync_NothingQueued_FalseAfterTimeout()
    {
        using var rig = new ModemRig();
        await rig.Driver.InitializeAsync(CancellationToken.None);

        Assert.False(await rig.Driver.WaitForRingAsync(TimeSpan.FromSeconds(30), CancellationToken.None));
    }

    [Fact]
    public async Task InitializeAsync_NothingOnTheLine_ThrowsTimeout()
    {
        using var pty = new PseudoTerminal();
        using var port = new PosixSerialPort(pty.SlavePath);
        using var driver = new IridiumModem(port, new IridiumModemOptions { CommandTimeout = TimeSpan.FromMilliseconds(200) }, TimeProvider.System, NullLogger<IridiumModem>.Instance);

        var error = await Assert.ThrowsAsync<IridiumModemException>(() => driver.InitializeAsync(CancellationToken.None));
        Assert.Equal(IridiumModemErrorKind.Timeout, error.Kind);
    }

    [Fact]
    public async Task WireBytes_AtCommand_BothSidesCountTheSameBytes()
    {
        using var rig = new ModemRig();
        await rig.Driver.InitializeAsync(CancellationToken.None);
        await rig.Driver.GetSignalQualityAsync(CancellationToken.None);

        // "AT+CSQ\r" = 7 bytes out; "\r\n+CSQ:4\r\n" + "\r\nOK\r\n" = 10 + 6 = 16 bytes back (echo off).
        var before = rig.Driver.WireBytes;
        await rig.Driver.GetSignalQualityAsync(CancellationToken.None);
        Assert.Equal(7 + 16, rig.Driver.WireBytes - before);
        Assert.Equal(rig.Modem.WireBytes, rig.Driver.WireBytes);
    }
}
