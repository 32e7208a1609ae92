using Edge.Gateway.Tests.Support;
using Edge.HwSim.Radio;

namespace Edge.Gateway.Tests.Radio;

/// <summary>The real gateway host with a hex-line (rtl-wmbus) input on a virtual receiver.</summary>
public sealed class HexLinesInputTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task HexLinesInput_GoodBadAndUnlistedLines_StoresOnlyTheListedMetersGoodTelegram()
    {
        var meter = new SimulatedRadioMeter("KAM", 0x87654321, RadioInputs.Key(3), volumeLitres: 2_500) { Mode = "C1" };
        var neighbour = new SimulatedRadioMeter("XYZ", 0x99999999, null);
        using var receiver = new VirtualHexLineReceiver();
        receiver.Start();
        await using var gateway = await GatewayUnderTest.StartAsync(_dir.Path, s =>
            RadioInputs.Input(s, "hexlines", receiver.PortPath, ("KAM-87654321", Convert.ToHexString(RadioInputs.Key(3)))));

        receiver.SendLine(receiver.Line(meter, meter.NextTelegram(), crcOk: false));
        receiver.SendLine("this is not a telegram");
        receiver.Transmit(neighbour);
        receiver.Transmit(meter);

        await Wait.UntilAsync(() => gateway.Counters.TelegramsAccepted == 1, TimeSpan.FromSeconds(20), "the good telegram");
        var row = Assert.Single(StoreFile.Rows(gateway.DbPath));

        // 2 500 l + 3 l for the refused telegram + 3 l for this one.
        Assert.Equal(("wmbus-KAM-87654321", "volume", "m3", 2_506L, 3), (row.Device, row.Channel, row.Unit, row.Mantissa, row.Scale));
        Assert.Equal(2, gateway.Counters.TelegramErrors);
        Assert.Equal(1, gateway.Counters.TelegramsIgnored);
    }
}
