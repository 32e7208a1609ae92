using Edge.Firmware.Host.Serial;
using Edge.HwSim.Serial;

namespace Edge.HwSim.Tests.Serial;

[Collection(SerialCollection.Name)]
public class PseudoTerminalTests
{
    [Fact]
    public void SlavePath_NewPair_IsAPtsDevice()
    {
        using var pty = new PseudoTerminal();
        Assert.StartsWith("/dev/pts/", pty.SlavePath, StringComparison.Ordinal);
        Assert.True(File.Exists(pty.SlavePath));
    }

    [Fact]
    public void Read_NoDriverEverOpened_ReturnsZeroNotEio()
    {
        using var pty = new PseudoTerminal();
        Assert.Equal(0, pty.Read(new byte[8], 0, 8, 100));
    }

    [Fact]
    public void Write_WhileDriverAway_WaitsForNextOpen()
    {
        using var pty = new PseudoTerminal();
        using (var first = new PosixSerialPort(pty.SlavePath))
        {
            first.Write([1], 0, 1);
        }

        Assert.Equal(1, pty.Read(new byte[1], 0, 1, 1000));
        pty.Write([0x68, 0x16]);
        using var second = new PosixSerialPort(pty.SlavePath);
        var buffer = new byte[4];
        var got = 0;
        for (var i = 0; i < 10 && got < 2; i++)
        {
            got += second.Read(buffer, got, 4 - got, 200);
        }

        Assert.Equal(2, got);
        Assert.Equal([0x68, 0x16], buffer[..2]);
    }

    [Fact]
    public void Dispose_ManyPairs_LeavesNoDescriptors()
    {
        new PseudoTerminal().Dispose();
        var before = SerialCollection.OpenDescriptors();
        for (var i = 0; i < 50; i++)
        {
            new PseudoTerminal().Dispose();
        }

        Assert.Equal(before, SerialCollection.OpenDescriptors());
    }
}
