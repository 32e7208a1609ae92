using Edge.Gateway.Batching;
using Edge.Gateway.Store;
using Edge.Gateway.Tests.Support;
using Edge.Uplink;

namespace Edge.Gateway.Tests.Batching;

public class BatchBuilderTests
{
    [Fact]
    public void Build_MixedScalesInOneChannel_RescalesToTheLargestScale()
    {
        // 1234 l (scale 0), 1234.5 l (12345, scale 1) and 1234.56 l (123456, scale 2) in one run at scale 2.
        var rows = new[] { TestStore.Reading(2, 12345, 1), TestStore.Reading(1, 1234, 0), TestStore.Reading(3, 123456, 2) };

        var batch = BatchBuilder.Build("gw-1", 7, 1_764_030_000_000, rows);

        Assert.Equal(("gw-1", 7L, 1_764_030_000_000L), (batch.GatewayId, batch.Sequence, batch.CreatedUnixMs));
        var run = Assert.Single(Assert.Single(batch.Devices).Channels);
        Assert.Equal(("volume", "l", 2), (run.Channel, run.Unit, run.Scale));
        Assert.Equal([(1L, 123400L), (2L, 123450L), (3L, 123456L)], run.Points.Select(p => (p.Seq, p.Mantissa)));
        Assert.Empty(batch.Events);
        Assert.Empty(batch.Gaps);
    }

    [Fact]
    public void Build_TwoDevicesAndChannels_OneRunPerDeviceAndChannelInStableOrder()
    {
        var rows = new[]
        {
            TestStore.Reading(5, device: "pm-000002", channel: "volume"),
            TestStore.Reading(9, device: "pm-000001", channel: "volume"),
            TestStore.Reading(8, device: "pm-000001", channel: "battery"),
            TestStore.Reading(7, device: "pm-000001", channel: "volume"),
        };

        var batch = BatchBuilder.Build("gw-1", 1, 0, rows);

        Assert.Equal(["pm-000001", "pm-000002"], batch.Devices.Select(d => d.DeviceId));
        Assert.Equal(["battery", "volume"], batch.Devices[0].Channels.Select(c => c.Channel));
        Assert.Equal([7L, 9L], batch.Devices[0].Channels[1].Points.Select(p => p.Seq));
    }

    [Fact]
    public void Build_PointFields_CarryObservedTimeQualityAndFlags()
    {
        var row = new ReadingRecord("pm-000001", 18, "volume", "l", 1240, 0, 1_764_032_400_000, ClockQuality.Gnss, 5, 1, DataClass.Reading);

        var point = Assert.Single(Assert.Single(Assert.Single(BatchBuilder.Build("gw-1", 1, 0, [row]).Devices).Channels).Points);

        Assert.Equal(new ReadingPoint(18, 1_764_032_400_000, 1240, ClockQuality.Gnss, 5), point);
    }

    [Fact]
    public void Build_RescaleWouldOverflow_SplitsTheChannelByScaleKeepingValuesExact()
    {
        // 9e17 at scale 0 cannot take scale 2 (9e19 > 2^63-1), so it gets a run of its own.
        var rows = new[] { TestStore.Reading(1, 900_000_000_000_000_000, 0), TestStore.Reading(2, 150, 2) };

        var runs = Assert.Single(BatchBuilder.Build("gw-1", 1, 0, rows).Devices).Channels;

        Assert.Equal([(0, 900_000_000_000_000_000L), (2, 150L)], runs.Select(r => (r.Scale, Assert.Single(r.Points).Mantissa)));
    }

    [Fact]
    public void Build_SameRowsTwice_GivesTheSameEncodedBatch()
    {
        // A retry rebuilds the batch from its rows: the bytes, and so the batch, must not change.
        var rows = Enumerable.Range(1, 50).Select(seq => TestStore.Reading(seq, seq * 3, seq % 3)).ToList();

        var first = BatchCodec.Encode(BatchBuilder.Build("gw-1", 42, 1_764_030_000_000, rows));
        var second = BatchCodec.Encode(BatchBuilder.Build("gw-1", 42, 1_764_030_000_000, Enumerable.Reverse(rows)));

        Assert.Equal(first, second);
    }
}
