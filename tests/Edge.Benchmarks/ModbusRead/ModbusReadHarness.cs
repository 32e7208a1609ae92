using System.Diagnostics;
using System.Globalization;
using Edge.Firmware.Host.Serial;
using Edge.Firmware.Modbus;
using Edge.HwSim.Modbus;

namespace Edge.Benchmarks.ModbusRead;

/// <summary>
/// <c>modbus-read</c>: the portable Modbus master reading a flow meter's 4-point map (flow float32, two uint32
/// totalisers, float32 totaliser: one 8-register request). In memory: reads per second on one thread and bytes
/// allocated per read (the firmware rule: none in the steady state). Over a pty against the hw-sim flow meter with
/// its realistic timing: milliseconds per poll at 9600 and 19200 baud, against the line's own minimum.
/// </summary>
internal static class ModbusReadHarness
{
    private static readonly TimeSpan _measure = TimeSpan.FromSeconds(3);
    private const int AllocationReads = 100_000;
    private const int PtyPolls = 40;

    public static int Run(TextWriter output)
    {
#if DEBUG
        output.WriteLine("warning: Debug build; figures are for -c Release");
#endif
        var points = Map();

        // Reply of slave 7 to "04 0000 0008": 16 data bytes, content irrelevant to the timing.
        byte[] reply = [7, 4, 16, 0x42, 0xF6, 0xE9, 0x79, 0, 0x12, 0xD6, 0x87, 0, 0, 0, 89, 0x44, 0x9A, 0x52, 0x25, 0, 0];
        ModbusCrc.Append(reply, reply.Length - 2);
        var reader = new ModbusMeterReader(new ModbusRtuMaster(new LoopbackSlaveLink(reply)), points);
        if (reader.Read(7, out _) != points.Length)
        {
            output.WriteLine("modbus-read: the loopback reply does not decode");
            return 1;
        }

        Loop(reader, TimeSpan.FromSeconds(1));
        var (count, elapsed) = Loop(reader, _measure);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < AllocationReads; i++)
        {
            reader.Read(7, out _);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        output.WriteLine($"modbus-read: in memory, single thread, {_measure.TotalSeconds:F0} s measured; allocation over {AllocationReads} reads");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"modbus_memory_reads_per_s={count / elapsed.TotalSeconds:F0}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"modbus_memory_ns_per_read={elapsed.TotalMilliseconds * 1e6 / count:F0}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"modbus_allocated_bytes_per_read={(double)allocated / AllocationReads:F2}"));
        foreach (var baud in new[] { 9600, 19200 })
        {
            Pty(output, baud, points);
        }

        return 0;
    }

    private static void Pty(TextWriter output, int baud, ModbusPoint[] points)
    {
        var meter = new SimulatedFlowMeter(7, 1);
        meter.SetFlowCubicMetresPerHour(50);
        using var bus = new VirtualModbusBus([meter]) { BaudRate = baud };
        bus.Start();
        using var port = new PosixSerialPort(bus.PortPath);
        var master = new ModbusRtuMaster(port);
        master.Configure(baud, 2, 1);
        var reader = new ModbusMeterReader(master, points);
        var times = new List<double>();
        for (var i = 0; i < PtyPolls; i++)
        {
            var clock = Stopwatch.StartNew();
            reader.Read(7, out _);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();

        // What the simulation imposes: the reply's 21 characters of 11 bits, the slave's 5 ms, t3.5 after the reply (the
        // pty carries the request at once). A real line adds the request's 8 characters.
        var t35 = ModbusTiming.InterFrameMicros(baud) / 1000.0;
        var simulated = (21 * 11 * 1000.0 / baud) + 5 + t35;
        var line = (29 * 11 * 1000.0 / baud) + 5 + t35;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"modbus_pty_{baud}_median_ms_per_poll={times[times.Count / 2]:F1}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"modbus_pty_{baud}_simulated_minimum_ms={simulated:F1}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"modbus_line_{baud}_minimum_ms={line:F1}"));
    }

    private static (long Count, TimeSpan Elapsed) Loop(ModbusMeterReader reader, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        long count = 0;
        while (clock.Elapsed < duration)
        {
            for (var i = 0; i < 1000; i++)
            {
                reader.Read(7, out _);
            }

            count += 1000;
        }

        return (count, clock.Elapsed);
    }

    private static ModbusPoint[] Map() =>
    [
        new("flow", ModbusQuantity.Flow, ModbusTable.Input, 0, ModbusRegisterType.Float32, ModbusWordOrder.BigEndian, 1, 0, "m3/h", 3),
        new("volume", ModbusQuantity.Totaliser, ModbusTable.Input, 2, ModbusRegisterType.UInt32, ModbusWordOrder.BigEndian, 1, 0, "l", 0),
        new("volume-reverse", ModbusQuantity.Totaliser, ModbusTable.Input, 4, ModbusRegisterType.UInt32, ModbusWordOrder.BigEndian, 1, 0, "l", 0),
        new("volume-float", ModbusQuantity.Totaliser, ModbusTable.Input, 6, ModbusRegisterType.Float32, ModbusWordOrder.BigEndian, 1, 0, "m3", 3),
    ];
}
