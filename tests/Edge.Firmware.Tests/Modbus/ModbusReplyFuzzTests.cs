using Edge.Firmware.Modbus;
using Edge.Firmware.Tests.Fakes;

namespace Edge.Firmware.Tests.Modbus;

/// <summary>
/// One million mutated replies through the reply check and the master's reception (framing, CRC, echo, exceptions):
/// nothing throws, every outcome is a known result, and only a reply that passes the CRC and matches is Ok.
/// </summary>
public sealed class ModbusReplyFuzzTests
{
    private const int Inputs = 1_000_000;

    private static readonly (byte[] Request, byte[] Reply)[] Seeds =
    [
        (Hex("1103006B00037687"), Hex("1103 06 022B00000064 C8BA")),
        (Hex("11040008 0001B298"), Hex("110402000A" + ModbusRtuMasterTests.Crc("110402000A"))),
        (Hex("110600010003 9A9B"), Hex("110600010003 9A9B")),
        (Hex("11100001000204000A0102C6F0"), Hex("111000010002 1298")),
        (Hex("1103006B00037687"), Hex("118302C134")),
    ];

    [Fact]
    public void Check_MillionMutatedReplies_NeverThrowsAndAlwaysAnOutcome()
    {
        var random = new Random(1979);
        var buffer = new byte[300];
        var counts = new int[8];
        for (var n = 0; n < Inputs; n++)
        {
            var (request, reply) = Seeds[random.Next(Seeds.Length)];
            var length = Mutate(random, reply, buffer);
            try
            {
                var result = ModbusReply.Check(request, buffer, length, out var code);
                Assert.InRange(result, ModbusResult.Ok, ModbusResult.InvalidArgument);
                Assert.True(result != ModbusResult.SlaveException || code == buffer[2]);
                Assert.True(result != ModbusResult.Ok || ModbusCrc.Check(buffer, length));
                Assert.True(ModbusReply.ExpectedLength(request[1], buffer, length) >= -1);
                counts[result]++;
            }
            catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
            {
                Assert.Fail($"input {n} threw {ex.GetType().Name}: {Convert.ToHexString(buffer, 0, length)}");
            }
        }

        // The mutations reach every outcome a received reply can have (all but no answer and invalid argument).
        int[] outcomes = [ModbusResult.Ok, ModbusResult.CrcError, ModbusResult.Framing, ModbusResult.WrongSlave, ModbusResult.Mismatch, ModbusResult.SlaveException];
        Assert.All(outcomes, o => Assert.True(counts[o] > 0, string.Join(",", counts)));
        Assert.Equal(0, counts[ModbusResult.NoAnswer] + counts[ModbusResult.InvalidArgument]);
    }

    [Fact]
    public void Master_MutatedRepliesOnTheLine_NeverThrows()
    {
        // Through the reception state machine too (length from the function and byte count, gaps, trailing bytes).
        var link = new ScriptedSerialLink();
        var master = new ModbusRtuMaster(link) { Retries = 0 };
        var random = new Random(2006);
        var buffer = new byte[300];
        var values = new ushort[125];
        for (var n = 0; n < 200_000; n++)
        {
            var seed = random.Next(Seeds.Length);
            var length = Mutate(random, Seeds[seed].Reply, buffer);
            var bytes = buffer[..length];
            var cut = length > 1 ? random.Next(1, length) : length;
            link.Reply(random.Next(4) == 0 ? [bytes[..cut], [], bytes[cut..]] : [bytes]);
            try
            {
                var result = seed switch
                {
                    0 or 4 => master.ReadHoldingRegisters(0x11, 0x6B, 3, values, 0),
                    1 => master.ReadInputRegisters(0x11, 8, 1, values, 0),
                    2 => master.WriteSingleRegister(0x11, 1, 3),
                    _ => master.WriteMultipleRegisters(0x11, 1, [0x000A, 0x0102], 0, 2),
                };
                Assert.InRange(result, ModbusResult.Ok, ModbusResult.SlaveException);
                Assert.True((result == ModbusResult.Ok) == (master.LastError == null));
            }
            catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
            {
                Assert.Fail($"input {n} threw {ex.GetType().Name}: {Convert.ToHexString(bytes)}");
            }

            link.Writes.Clear();
            link.ReadTimeouts.Clear();
        }
    }

    private static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));

    private static int Mutate(Random random, byte[] seed, byte[] buffer)
    {
        var length = seed.Length;
        Array.Copy(seed, buffer, length);
        switch (random.Next(6))
        {
            case 0: // flip bits
                for (var i = random.Next(1, 4); i > 0; i--)
                {
                    buffer[random.Next(length)] ^= (byte)(1 << random.Next(8));
                }

                break;
            case 1: // truncate
                length = random.Next(length + 1);
                break;
            case 2: // extend with random bytes
                var extra = random.Next(1, 40);
                random.NextBytes(buffer.AsSpan(length, extra));
                length += extra;
                break;
            case 3: // replace one byte, then fix the CRC so the content checks run
                buffer[random.Next(Math.Max(1, length - 2))] = (byte)random.Next(256);
                if (length >= 3)
                {
                    ModbusCrc.Append(buffer, length - 2);
                }

                break;
            case 4: // fully random
                length = random.Next(0, 260);
                random.NextBytes(buffer.AsSpan(0, length));
                break;
            default: // unchanged
                break;
        }

        return length;
    }
}
