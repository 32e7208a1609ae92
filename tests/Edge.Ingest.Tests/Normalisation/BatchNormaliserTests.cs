using Edge.Ingest.Normalisation;
using Edge.Uplink;
using Microsoft.Extensions.Options;

namespace Edge.Ingest.Tests.Normalisation;

// The HTTP decoders already refuse undefined clock qualities and missing fields, so those paths are tested here.
public sealed class BatchNormaliserTests
{
    private static readonly DateTimeOffset _now = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly long _t0 = _now.AddHours(-1).ToUnixTimeMilliseconds();

    [Fact]
    public void Normalise_UndefinedClockQuality_ThatReadingSetAsideWithNumber()
    {
        var batch = Batch(new DeviceRun("m", [new ChannelRun("volume", "l", 0,
        [
            new ReadingPoint(1, _t0, 10, ClockQuality.Gnss, 0),
            new ReadingPoint(2, _t0, 20, (ClockQuality)7, 3),
        ])]));

        var result = Normaliser().Normalise(batch, _now);

        Assert.Null(result.Error);
        Assert.Equal([1L], result.Readings!.Select(r => r.Seq));
        Assert.Equal(
            [new RejectedReading("m", 2, "volume", _t0, "7", 3, 20, 0, "l",
                "Device 'm' channel 'volume' reading seq 2 has the unknown clock quality 7.")],
            result.Rejected);
    }

    [Fact]
    public void Normalise_UnknownUnitInOneChannel_OtherChannelOfSameDeviceKept()
    {
        var batch = Batch(new DeviceRun("m",
        [
            new ChannelRun("volume", "m3", 3, [new ReadingPoint(1, _t0, 1500, ClockQuality.Ntp, 0)]),
            new ChannelRun("temperature", "Cel", 1, [new ReadingPoint(2, _t0, 215, ClockQuality.Ntp, 0)]),
        ]));

        var result = Normaliser().Normalise(batch, _now);

        Assert.Equal([(1L, 1.5)], result.Readings!.Select(r => (r.Seq, r.Value)));
        var rejected = Assert.Single(result.Rejected);
        Assert.Equal((2L, "temperature", 215L, 1, "Cel", "ntp"),
            (rejected.Seq, rejected.Channel, rejected.RawMantissa, rejected.RawScale, rejected.RawUnit, rejected.ClockQuality));
        Assert.Equal(
            "Device 'm' channel 'temperature' uses the unit 'Cel', which is not supported; supported SenML units: l, m3.",
            rejected.Reason);
    }

    [Fact]
    public void Normalise_ReadingOneMillisecondBeyondSkew_SetAside()
    {
        var limit = _now.AddMinutes(10).ToUnixTimeMilliseconds();
        var batch = Batch(new DeviceRun("m", [new ChannelRun("volume", "l", 0,
        [
            new ReadingPoint(1, limit, 1, ClockQuality.Ntp, 0),
            new ReadingPoint(2, limit + 1, 2, ClockQuality.Ntp, 0),
        ])]));

        var result = Normaliser().Normalise(batch, _now);

        Assert.Equal([1L], result.Readings!.Select(r => r.Seq));
        Assert.Equal([2L], result.Rejected.Select(r => r.Seq));
    }

    [Fact]
    public void Normalise_DeviceWithoutId_WholeBatchRefusedNothingSetAside()
    {
        var batch = Batch(
            new DeviceRun("m", [new ChannelRun("volume", "kWh", 0, [new ReadingPoint(1, _t0, 1, ClockQuality.Ntp, 0)])]),
            new DeviceRun("", [new ChannelRun("volume", "l", 0, [new ReadingPoint(1, _t0, 1, ClockQuality.Ntp, 0)])]));

        var result = Normaliser().Normalise(batch, _now);

        Assert.Equal("A device entry has no device id or no channel list.", result.Error);
        Assert.Null(result.Readings);
        Assert.Empty(result.Rejected);
    }

    private static Batch Batch(params DeviceRun[] devices) => new("gw-1", 1, _now.ToUnixTimeMilliseconds(), devices, [], []);

    private static BatchNormaliser Normaliser() => new(UnitCatalog.Default, Options.Create(new IngestOptions()));
}
