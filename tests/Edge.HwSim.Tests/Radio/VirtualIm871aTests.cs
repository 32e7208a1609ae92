using System.Text;
using Edge.Firmware.Host.Serial;
using Edge.Firmware.MBus;
using Edge.HwSim.Radio;
using Edge.HwSim.Tests.Serial;

namespace Edge.HwSim.Tests.Radio;

[Collection(SerialCollection.Name)]
public sealed class VirtualIm871aTests
{
    private static readonly byte[] _key = Convert.FromHexString("000102030405060708090A0B0C0D0E0F");

    [Fact]
    public void Crc16_CheckString_IsTheX25CheckValue()
    {
        // CRC-16/X-25 check value over "123456789" (reveng catalogue): 0x906E.
        Assert.Equal(0x906E, Im871aHci.Crc16(Encoding.ASCII.GetBytes("123456789"), 0, 9));
    }

    [Fact]
    public void Transmit_EncryptedMeter_FrameCarriesTelegramThatDecryptsToTheRegister()
    {
        var meter = new SimulatedRadioMeter("KAM", 0x12345678, _key, volumeLitres: 123_456);
        using var stick = new VirtualIm871a([meter]);
        stick.Start();
        using var port = new PosixSerialPort(stick.PortPath, 57600, 8, 0, 1);

        var sent = stick.Transmit(meter);
        var frame = ReadFrame(port);

        // A5, control 0xE (timestamp, RSSI, CRC) with endpoint 2, WMBUSMSG_IND 0x03, length = telegram without L.
        Assert.Equal(0xA5, frame[0]);
        Assert.Equal(0xE2, frame[1]);
        Assert.Equal(0x03, frame[2]);
        Assert.Equal(sent.Length - 1, frame[3]);
        Assert.Equal(sent[1..], frame[4..(4 + frame[3])]);
        var crc = frame[^2] | (frame[^1] << 8);
        Assert.Equal(Im871aHci.Crc16(frame, 1, frame.Length - 3), crc);

        var t = new MBusTelegram();
        var decoder = new WMBusDecoder { Cipher = new PortableWMBusCipher() };
        Assert.True(decoder.TryDecode(sent, 0, sent.Length, _key, t), t.Error);
        Assert.Equal(5, t.SecurityMode);
        var volume = Enumerable.Range(0, t.RecordCount).Select(t.GetRecord).Single(r => r.Quantity == MBusQuantity.Volume);
        Assert.Equal(123_459L, volume.Mantissa); // 123 456 l + 3 l per telegram, VIF 0x13 = litres
        Assert.Equal(-3, volume.Exponent);
    }

    [Fact]
    public void Transmit_HexLineReceiver_PrintsRtlWmbusLine()
    {
        var meter = new SimulatedRadioMeter("ABC", 0x00000042, null) { Mode = "C1" };
        using var receiver = new VirtualHexLineReceiver();
        receiver.Start();
        using var port = new PosixSerialPort(receiver.PortPath);

        var sent = receiver.Transmit(meter);
        var line = ReadLine(port);

        var fields = line.Split(';');
        Assert.Equal(8, fields.Length);
        Assert.Equal(["C1", "1", "1"], fields[..3]);
        Assert.Equal("00000042", fields[6]);
        Assert.Equal("0x" + Convert.ToHexString(sent).ToLowerInvariant(), fields[7]);
    }

    private static byte[] ReadFrame(PosixSerialPort port)
    {
        var buffer = new byte[600];
        var n = 0;
        while (n < 4 || n < 4 + buffer[3] + 7)
        {
            var got = port.Read(buffer, n, buffer.Length - n, 2000);
            Assert.True(got > 0, "the stick sent no complete frame");
            n += got;
        }

        return buffer[..n];
    }

    private static string ReadLine(PosixSerialPort port)
    {
        var buffer = new byte[600];
        var n = 0;
        while (n == 0 || buffer[n - 1] != (byte)'\n')
        {
            var got = port.Read(buffer, n, buffer.Length - n, 2000);
            Assert.True(got > 0, "the receiver sent no complete line");
            n += got;
        }

        return Encoding.ASCII.GetString(buffer, 0, n - 1);
    }
}
