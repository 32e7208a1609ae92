using Edge.Gateway.Hosting;
using Edge.Gateway.Radio;
using Edge.HwSim.Radio;

namespace Edge.Gateway.Tests.Radio;

public sealed class FramerTests
{
    [Fact]
    public void Im871aFramer_FrameSplitAcrossReadsAfterNoise_YieldsTelegramWithLFieldRestored()
    {
        byte[] telegram = [0x0B, 0x44, 0x2D, 0x2C, 0x78, 0x56, 0x34, 0x12, 0x1B, 0x07, 0x78, 0x2F];
        var frame = Im871aHci.Indication(telegram, 7, 200, crc: true);
        var framer = new Im871aFramer();

        framer.Append([0x55, 0xA5, 0x0F]);
        framer.Append(frame.AsSpan(0, 5));
        Assert.False(framer.TryTake(out _, out _));
        framer.Append(frame.AsSpan(5));

        Assert.True(framer.TryTake(out var got, out var error));
        Assert.Null(error);
        Assert.Equal(telegram, got);
        Assert.Equal(3, framer.TakeSkippedBytes());
    }

    [Fact]
    public void Im871aFramer_WithoutOptionalFields_YieldsTelegram()
    {
        byte[] telegram = [0x0A, 0x44, 0x2D, 0x2C, 0x78, 0x56, 0x34, 0x12, 0x1B, 0x07, 0x78];

        // A5, control 0 / endpoint 2, WMBUSMSG_IND, length 10, then C..CI (hand-assembled per the HCI layout).
        byte[] frame = [0xA5, 0x02, 0x03, 0x0A, .. telegram[1..]];
        var framer = new Im871aFramer();
        framer.Append(frame);

        Assert.True(framer.TryTake(out var got, out _));
        Assert.Equal(telegram, got);
    }

    [Theory]
    [InlineData("T1;1;1;2019-04-03 19:00:42.000;97;148;33225544;0x1844AE4C4455223368077A55000000041389E20100023B0000", "1844AE4C4455223368077A55000000041389E20100023B0000")]
    [InlineData("0x0A442D2C785634121B0778", "0A442D2C785634121B0778")]
    [InlineData("0A442D2C785634121B0778\r", "0A442D2C785634121B0778")]
    public void HexLineFramer_Parse_GoodLine_ReturnsTelegram(string line, string hex)
    {
        Assert.Equal(Convert.FromHexString(hex), HexLineFramer.Parse(line, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("T1;0;0;2019-04-03 19:00:42.000;97;148;33225544;0x1844AE4C", "CRC error")]
    [InlineData("T1;1;1;2019-04-03", "fields")]
    [InlineData("0x123", "not a hex telegram")]
    public void HexLineFramer_Parse_BadLine_ReturnsReason(string line, string reason)
    {
        Assert.Null(HexLineFramer.Parse(line, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("KAM-12345678", 0x2C2D, 0x12345678u)]
    [InlineData("12345678", 0, 0x12345678u)]
    public void MeterDirectory_TryParseId_Valid_ReturnsManufacturerAndBcdId(string text, int manufacturer, uint id)
    {
        // KAM = (11·32 + 1)·32 + 13 = 0x2C2D (EN 13757-3 §6.2.2).
        Assert.True(MeterDirectory.TryParseId(text, out var m, out var i));
        Assert.Equal((manufacturer, id), ((int)m, i));
    }

    [Fact]
    public void Validate_BadInputs_NamesEachProblem()
    {
        var options = new GatewayOptions { Id = "gw", Inputs =
        [
            new SerialInputOptions { Kind = "usb-stick", Port = "" },
            new SerialInputOptions { Kind = InputKinds.MBusMaster, Port = "/dev/ttyUSB1", PrimaryAddresses = [0, 251] },
            new SerialInputOptions { Kind = InputKinds.Im871a, Port = "/dev/ttyUSB2", Keys = [new MeterKeyOptions { Id = "KAM-1234", Key = "00" }] },
        ] };

        var result = new GatewayOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        var failures = string.Join("\n", result.Failures!);
        Assert.Contains("Inputs:0:Kind 'usb-stick'", failures, StringComparison.Ordinal);
        Assert.Contains("Inputs:0:Port is required", failures, StringComparison.Ordinal);
        Assert.Contains("PrimaryAddresses: 0 is not 1..250", failures, StringComparison.Ordinal);
        Assert.Contains("PrimaryAddresses: 251 is not 1..250", failures, StringComparison.Ordinal);
        Assert.Contains("Inputs:2:Keys:0:Id 'KAM-1234'", failures, StringComparison.Ordinal);
        Assert.Contains("Inputs:2:Keys:0:Key must be 32 hex digits", failures, StringComparison.Ordinal);
    }
}
