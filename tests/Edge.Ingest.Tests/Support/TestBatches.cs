using System.Net.Http.Headers;
using System.Text;
using Edge.Uplink;

namespace Edge.Ingest.Tests.Support;

/// <summary>Builds batches and request bodies for tests.</summary>
public static class TestBatches
{
    /// <summary>A batch of one water meter with a <c>volume</c> channel in litres (scale 0, NTP time, no flags).</summary>
    public static Batch Litres(
        string gatewayId, long sequence, string deviceId, params (long Seq, DateTimeOffset ObservedAt, long Litres)[] points) =>
        Create(gatewayId, sequence, Meter(deviceId, "l", 0, points));

    /// <summary>A batch of the given devices, without events or gaps.</summary>
    public static Batch Create(string gatewayId, long sequence, params DeviceRun[] devices) =>
        new(gatewayId, sequence, IngestAppFactory.Start.ToUnixTimeMilliseconds(), devices, [], []);

    /// <summary>One device with one <c>volume</c> channel.</summary>
    public static DeviceRun Meter(
        string deviceId, string unit, int scale, params (long Seq, DateTimeOffset ObservedAt, long Mantissa)[] points) =>
        new(deviceId,
        [
            new ChannelRun("volume", unit, scale,
                [.. points.Select(p => new ReadingPoint(p.Seq, p.ObservedAt.ToUnixTimeMilliseconds(), p.Mantissa, ClockQuality.Ntp, 0))]),
        ]);

    /// <summary>The batch in the binary format v1.</summary>
    public static ByteArrayContent Binary(Batch batch) => Bytes(BatchCodec.Encode(batch));

    /// <summary>Raw bytes labelled as the binary batch format.</summary>
    public static ByteArrayContent Bytes(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(BatchCodec.ContentType);
        return content;
    }

    /// <summary>The batch as JSON (<c>application/json; charset=utf-8</c>).</summary>
    public static StringContent Json(Batch batch) => new(BatchJson.Serialize(batch), Encoding.UTF8, "application/json");
}
