namespace Edge.Uplink.Tests.Support;

/// <summary>Deep equality of batches (the records hold lists, which compare by reference).</summary>
internal static class BatchAssert
{
    public static void Equal(Batch expected, Batch actual)
    {
        Assert.Equal(expected.GatewayId, actual.GatewayId);
        Assert.Equal(expected.Sequence, actual.Sequence);
        Assert.Equal(expected.CreatedUnixMs, actual.CreatedUnixMs);
        Assert.Equal(expected.Devices.Count, actual.Devices.Count);
        for (var d = 0; d < expected.Devices.Count; d++)
        {
            var e = expected.Devices[d];
            var a = actual.Devices[d];
            Assert.Equal(e.DeviceId, a.DeviceId);
            Assert.Equal(e.Channels.Count, a.Channels.Count);
            for (var c = 0; c < e.Channels.Count; c++)
            {
                Assert.Equal(e.Channels[c].Channel, a.Channels[c].Channel);
                Assert.Equal(e.Channels[c].Unit, a.Channels[c].Unit);
                Assert.Equal(e.Channels[c].Scale, a.Channels[c].Scale);
                Assert.Equal(e.Channels[c].Points, a.Channels[c].Points);
            }
        }

        Assert.Equal(expected.Events, actual.Events);
        Assert.Equal(expected.Gaps.Count, actual.Gaps.Count);
        for (var g = 0; g < expected.Gaps.Count; g++)
        {
            var e = expected.Gaps[g];
            var a = actual.Gaps[g];
            Assert.Equal(e.DeviceIds, a.DeviceIds);
            Assert.Equal((e.FromUnixMs, e.ToUnixMs, e.Count, e.Reason), (a.FromUnixMs, a.ToUnixMs, a.Count, a.Reason));
        }
    }
}
