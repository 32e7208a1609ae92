using Edge.Gateway.Hosting;
using Edge.Gateway.Radio;
using Edge.Gateway.Tests.Support;
using Edge.HwSim.Modbus;

namespace Edge.Gateway.Tests.Radio;

/// <summary>The real gateway host as Modbus RTU master on a virtual RS-485 line (hw-sim slaves, real pty).</summary>
public sealed class ModbusInputTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ModbusInput_FlowMeterLoggerAndASilentSlave_StoresSiValuesAndCountsTheErrors()
    {
        var frozen = new FrozenTime();
        var meter = new SimulatedFlowMeter(7, serial: 20261126, frozen) { WordOrder = "CDAB" };
        meter.SetFlowCubicMetresPerHour(123.456);
        meter.SetTotalisersLitres(forward: 1_234_567, reverse: 89);
        var logger = new SimulatedPressureLogger(12, serial: 4242, frozen);
        logger.SetPressureKilopascals(450);
        var silent = new SimulatedPressureLogger(20, serial: 1, frozen) { Silent = true };
        using var bus = new VirtualModbusBus([meter, logger, silent]);
        bus.Start();
        await using var gateway = await GatewayUnderTest.StartAsync(_dir.Path, s =>
        {
            RadioInputs.Input(s, "modbus-rtu", bus.PortPath);
            s["Edge:Gateway:Inputs:0:Baud"] = "9600";
            s["Edge:Gateway:Inputs:0:PollInterval"] = "00:00:00.300";
            s["Edge:Gateway:Inputs:0:ResponseTimeout"] = "00:00:00.250";
            s["Edge:Gateway:Inputs:0:Retries"] = "1";

            // Flow meter: identity from its serial register, float flow and uint32 totalisers in litres, word-swapped.
            const string m = "Edge:Gateway:Inputs:0:Slaves:0";
            s[$"{m}:Address"] = "7";
            s[$"{m}:Id"] = "emf-{serial}";
            s[$"{m}:SerialRegister:Table"] = "input";
            s[$"{m}:SerialRegister:Address"] = "16";
            s[$"{m}:SerialRegister:WordOrder"] = "CDAB";
            Register(s, $"{m}:Registers:0", "flow", "flow", "input", 0, "float32", "CDAB", "1", "m3/h");
            Register(s, $"{m}:Registers:1", "volume", "totaliser", "input", 2, "uint32", "CDAB", "1", "l");
            Register(s, $"{m}:Registers:2", "volume-reverse", "totaliser", "input", 4, "uint32", "CDAB", "1", "l");

            // Pressure logger: no identity configured; int16 in 0.1 kPa, plus a register it does not have (exception 02).
            const string p = "Edge:Gateway:Inputs:0:Slaves:1";
            s[$"{p}:Address"] = "12";
            Register(s, $"{p}:Registers:0", "pressure", "pressure", "input", 0, "int16", "ABCD", "0.1", "kPa");
            Register(s, $"{p}:Registers:1", "level", "level", "input", 40, "uint16", "ABCD", "1", "mm");

            s["Edge:Gateway:Inputs:0:Slaves:2:Address"] = "20";
            s["Edge:Gateway:Inputs:0:Slaves:2:Id"] = "logger-20";
            Register(s, "Edge:Gateway:Inputs:0:Slaves:2:Registers:0", "pressure", "pressure", "input", 0, "int16", "ABCD", "0.1", "kPa");
        });

        await Wait.UntilAsync(() => gateway.Counters.TelegramsAccepted >= 4 && gateway.Counters.TelegramErrors >= 4, TimeSpan.FromSeconds(60), "two polls");

        var rows = StoreFile.Rows(gateway.DbPath);
        var flow = rows.Where(r => r.Device == "emf-20261126").ToList();
        var pressure = rows.Where(r => r.Device == "modbus-input0-s12").ToList();

        // 123.456 m³/h (float32, 3 decimals); 1 234 567 l = 1234.567 m³; 89 l = 0.089 m³; 450 kPa = 4500 hPa.
        Assert.Equal(("flow", "m3/h", 123456L, 3), flow.Where(r => r.Channel == "flow").Select(r => (r.Channel, r.Unit, r.Mantissa, r.Scale)).First());
        Assert.Equal(("m3", 1234567L, 3), flow.Where(r => r.Channel == "volume").Select(r => (r.Unit, r.Mantissa, r.Scale)).First());
        Assert.Equal(("m3", 89L, 3), flow.Where(r => r.Channel == "volume-reverse").Select(r => (r.Unit, r.Mantissa, r.Scale)).First());
        Assert.Equal(("hPa", 4500L, 0), pressure.Where(r => r.Channel == "pressure").Select(r => (r.Unit, r.Mantissa, r.Scale)).First());
        Assert.DoesNotContain(rows, r => r.Channel == "level" || r.Device == "logger-20");

        // One sequence number per value, consecutive per meter.
        var seqs = flow.Select(r => r.Seq).ToList();
        Assert.Equal(seqs.Count, seqs.Distinct().Count());
        Assert.Equal(seqs[0] + seqs.Count - 1, seqs[^1]);
    }

    [Fact]
    public void Validate_BadModbusInput_NamesEachProblem()
    {
        var options = new GatewayOptions
        {
            Id = "gw",
            Inputs =
            [
                new SerialInputOptions
                {
                    Kind = InputKinds.ModbusRtu,
                    Port = "/dev/ttyUSB0",
                    Parity = "mark",
                    Slaves =
                    [
                        new ModbusSlaveOptions { Address = 248, Id = "a b", Registers = [new ModbusRegisterOptions { Channel = "p", Measures = "pressure", Unit = "m3" }] },
                        new ModbusSlaveOptions { Address = 5, Id = "x-{serial}", Registers = [new ModbusRegisterOptions { Channel = "f", Measures = "flow", Unit = "m3/h", Scale = 0.123456m }] },
                        new ModbusSlaveOptions { Address = 5, Registers = [new ModbusRegisterOptions { Channel = "f", Measures = "speed", Unit = "m3/h" }] },
                    ],
                },
            ],
        };

        var result = new GatewayOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        var failures = string.Join("\n", result.Failures!);
        Assert.Contains("Inputs:0:Parity 'mark' is not even, odd or none", failures, StringComparison.Ordinal);
        Assert.Contains("Inputs:0:Slaves:0:Address 248 is not 1..247", failures, StringComparison.Ordinal);
        Assert.Contains("Inputs:0:Slaves:0:Id must not contain spaces", failures, StringComparison.Ordinal);
        Assert.Contains("Inputs:0:Slaves:0:Registers:0: unit 'm3' is not one of Pa, hPa, mbar, kPa, bar, MPa, mH2O", failures, StringComparison.Ordinal);
        Assert.Contains("Inputs:0:Slaves:1:Id uses {serial} but no SerialRegister", failures, StringComparison.Ordinal);
        Assert.Contains("Inputs:0:Slaves:1:Registers:0:Scale 0.123456 must be positive with at most 5 significant digits", failures, StringComparison.Ordinal);
        Assert.Contains("Inputs:0:Slaves:2:Address 5 is listed twice", failures, StringComparison.Ordinal);
        Assert.Contains("Inputs:0:Slaves:2:Registers:0: Measures 'speed'", failures, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.01", 1, -2)]
    [InlineData("2.5", 25, -1)]
    [InlineData("100", 1, 2)]
    [InlineData("1", 1, 0)]
    [InlineData("0.000001", 1, -6)]
    public void TrySplitScale_Decimal_IsMultiplierTimesPowerOfTen(string scale, int multiplier, int exponent)
    {
        Assert.True(ModbusMap.TrySplitScale(decimal.Parse(scale, System.Globalization.CultureInfo.InvariantCulture), out var m, out var e));
        Assert.Equal((multiplier, exponent), (m, e));
    }

    private static void Register(Dictionary<string, string> s, string key, string channel, string measures, string table, int address, string type, string order, string scale, string unit)
    {
        s[$"{key}:Channel"] = channel;
        s[$"{key}:Measures"] = measures;
        s[$"{key}:Table"] = table;
        s[$"{key}:Address"] = address.ToString(System.Globalization.CultureInfo.InvariantCulture);
        s[$"{key}:Type"] = type;
        s[$"{key}:WordOrder"] = order;
        s[$"{key}:Scale"] = scale;
        s[$"{key}:Unit"] = unit;
    }

    /// <summary>The simulated meters' clock, held still so the totalisers keep their set values.</summary>
    private sealed class FrozenTime : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    }
}
