using Edge.Gateway.Tests.Support;
using Edge.Gateway.Tests.Uplink;
using Edge.HwSim.Radio;
using Edge.Uplink;

namespace Edge.Gateway.Tests.Radio;

/// <summary>The real gateway host with an iM871A input on a virtual stick (hw-sim, real pty).</summary>
public sealed class Im871aInputTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Im871aInput_FiveEncryptedMetersWithRepetitions_EachTelegramStoredOnceAndSentInBatches()
    {
        var meters = Enumerable.Range(1, 5)
            .Select(i => new SimulatedRadioMeter("KAM", (uint)(0x12345670 + i), RadioInputs.Key(i), volumeLitres: 1_000_000 * i))
            .ToArray();
        using var stick = new VirtualIm871a(meters);
        stick.Start();
        await using var ingest = await FakeIngest.StartAsync();
        await using var gateway = await GatewayUnderTest.StartAsync(_dir.Path, s =>
        {
            UplinkServiceTests.Fast(s, ingest.Url);
            RadioInputs.Input(s, "im871a", stick.PortPath, [.. meters.Select((m, i) => ($"KAM-{m.Id:X8}", Convert.ToHexString(RadioInputs.Key(i + 1))))]);
        });

        // Two rounds; every telegram of the first round is heard twice (a repetition on air).
        foreach (var meter in meters)
        {
            stick.SendTelegram(stick.Transmit(meter));
        }

        stick.TransmitAll();

        await Wait.UntilAsync(() => gateway.Counters.TelegramsAccepted == 10 && gateway.Counters.TelegramsDuplicate == 5, TimeSpan.FromSeconds(20), "10 stored telegrams");
        await Wait.UntilAsync(() => ingest.Received.Sum(b => b.Batch?.Devices.Sum(d => d.Channels.Sum(c => c.Points.Count)) ?? 0) == 10, TimeSpan.FromSeconds(20), "10 readings at the ingest");

        // Meter i starts at i·1000 m³ and grows 3 litres per telegram: i·1000.003 then i·1000.006 m³.
        var points = ingest.Received.SelectMany(b => b.Batch!.Devices)
            .SelectMany(d => d.Channels.Select(c => (d.DeviceId, c.Channel, c.Unit, c.Scale, c.Points)))
            .SelectMany(c => c.Points.Select(p => (c.DeviceId, c.Channel, c.Unit, Value: p.Mantissa / 1000m, p.Seq, p.ClockQuality)))
            .OrderBy(p => p.DeviceId).ThenBy(p => p.Seq)
            .ToList();
        var expected = Enumerable.Range(1, 5).SelectMany(i => new[]
        {
            ($"wmbus-KAM-1234567{i}", (1_000_000m * i + 3) / 1000),
            ($"wmbus-KAM-1234567{i}", (1_000_000m * i + 6) / 1000),
        });
        Assert.Equal(expected, points.Select(p => (p.DeviceId, p.Value)));
        Assert.All(points, p => Assert.Equal(("volume", "m3", ClockQuality.Gateway), (p.Channel, p.Unit, p.ClockQuality)));
        Assert.All(points.GroupBy(p => p.DeviceId), g => Assert.Equal(g.First().Seq + 1, g.Last().Seq));
        Assert.Equal(0, gateway.Counters.TelegramErrors);
    }

    [Fact]
    public async Task Im871aInput_WrongKey_ErrorCountedAndNothingStored()
    {
        var meter = new SimulatedRadioMeter("KAM", 0x11223344, RadioInputs.Key(1), volumeLitres: 5_000);
        using var stick = new VirtualIm871a([meter]);
        stick.Start();
        await using var gateway = await GatewayUnderTest.StartAsync(_dir.Path, s =>
            RadioInputs.Input(s, "im871a", stick.PortPath, ("KAM-11223344", Convert.ToHexString(RadioInputs.Key(2)))));

        stick.Transmit(meter);

        await Wait.UntilAsync(() => gateway.Counters.TelegramErrors == 1, TimeSpan.FromSeconds(20), "the decryption error");
        Assert.Equal(0, gateway.Counters.TelegramsAccepted);
        Assert.Empty(StoreFile.Rows(gateway.DbPath));
    }

    [Fact]
    public async Task Im871aInput_GarbageAndBrokenFramesOnTheLine_ResynchronisesAndStoresTheNextTelegram()
    {
        var meter = new SimulatedRadioMeter("ABC", 0x00000007, null, volumeLitres: 42_000);
        using var stick = new VirtualIm871a([meter]);
        stick.Start();
        await using var gateway = await GatewayUnderTest.StartAsync(_dir.Path, s => RadioInputs.Input(s, "im871a", stick.PortPath, ("ABC-00000007", "")));

        // Noise with false start bytes, then a frame whose CRC is broken, then a good frame.
        stick.SendRaw([0x00, 0xA5, 0xFF, 0x13, 0xA5, 0x02]);
        var broken = Im871aHci.Indication(meter.NextTelegram(), 1, 180, crc: true);
        broken[^1] ^= 0xFF;
        stick.SendRaw(broken);
        stick.Transmit(meter);

        await Wait.UntilAsync(() => gateway.Counters.TelegramsAccepted == 1, TimeSpan.FromSeconds(20), "the good telegram");
        var row = Assert.Single(StoreFile.Rows(gateway.DbPath));
        Assert.Equal(("wmbus-ABC-00000007", 42_006L, 3), (row.Device, row.Mantissa, row.Scale));
        Assert.True(gateway.Counters.InputGarbageBytes > 0);
        Assert.True(gateway.Counters.TelegramErrors >= 1, "the broken CRC is counted");
    }

    [Fact]
    public async Task Im871aInput_MeterAlarmsAndPowerLow_StoredAsEvents()
    {
        var meter = new SimulatedRadioMeter("KAM", 0x55555555, RadioInputs.Key(5), volumeLitres: 10) { ErrorFlags = 0x01 | 0x10, Status = 0x04 };
        using var stick = new VirtualIm871a([meter]);
        stick.Start();
        await using var gateway = await GatewayUnderTest.StartAsync(_dir.Path, s =>
            RadioInputs.Input(s, "im871a", stick.PortPath, ("55555555", Convert.ToHexString(RadioInputs.Key(5)))));

        stick.Transmit(meter);

        await Wait.UntilAsync(() => gateway.Counters.TelegramsAccepted == 1, TimeSpan.FromSeconds(20), "the telegram");
        var kinds = StoreFile.Texts(gateway.DbPath, "SELECT kind FROM events");
        Assert.Equal(["leak", "low-battery", "tamper"], kinds.Order());
    }

    [Fact]
    public async Task Im871aInput_GatewayRestarts_SequenceContinuesFromTheStore()
    {
        var meter = new SimulatedRadioMeter("ABC", 0x00000001, null, volumeLitres: 1);
        long firstSeq;
        using (var stick = new VirtualIm871a([meter]))
        {
            stick.Start();
            await using (var gateway = await GatewayUnderTest.StartAsync(_dir.Path, s => RadioInputs.Input(s, "im871a", stick.PortPath, ("00000001", ""))))
            {
                stick.Transmit(meter);
                await Wait.UntilAsync(() => gateway.Counters.TelegramsAccepted == 1, TimeSpan.FromSeconds(20), "the first telegram");
                firstSeq = Assert.Single(StoreFile.Rows(gateway.DbPath)).Seq;
            }
        }

        using var stick2 = new VirtualIm871a([meter]);
        stick2.Start();
        await using var restarted = await GatewayUnderTest.StartAsync(_dir.Path, s => RadioInputs.Input(s, "im871a", stick2.PortPath, ("00000001", "")));
        stick2.Transmit(meter);
        await Wait.UntilAsync(() => restarted.Counters.TelegramsAccepted == 1, TimeSpan.FromSeconds(20), "the telegram after the restart");

        Assert.Equal([firstSeq, firstSeq + 1], StoreFile.Rows(restarted.DbPath).Select(r => r.Seq));
    }
}
