using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Edge.Uplink;

namespace Edge.Ingest.Apis.ThirdParty;

/// <summary>
/// Turns a third-party reading document into a <see cref="Batch"/> of the API key's gateway, so that it goes through
/// exactly the checks, admission, normalisation and exactly-once storage of a gateway's batch.
/// <list type="bullet">
/// <item>Batch id: the gateway and a negative sequence derived from the content (SHA-256 of the readings, in a fixed
/// order): the same document posted again is the same batch, answered <c>duplicate: true</c>, and changes nothing.
/// Gateways' own sequences are never negative, so the two cannot collide.</item>
/// <item>Reading key: <c>(deviceId, seq)</c> as sent; without <c>seq</c>, a negative seq derived from
/// (channel, observed time), so that a reading sent again in another document is a duplicate. A source sends
/// <c>seq</c> for all its readings or for none.</item>
/// <item>Clock quality <c>gateway</c>: the time is the sending system's.</item>
/// </list>
/// </summary>
public static class ThirdPartyBatch
{
    /// <summary>The batch of <paramref name="readings"/> for <paramref name="gatewayId"/>, received at <paramref name="receivedAt"/>.</summary>
    public static Batch Create(string gatewayId, IReadOnlyList<ThirdPartyReading> readings, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(gatewayId);
        ArgumentNullException.ThrowIfNull(readings);
        var devices = new List<DeviceRun>();
        foreach (var device in readings.GroupBy(r => r.DeviceId, StringComparer.Ordinal))
        {
            var runs = device
                .GroupBy(r => (r.Channel, r.Unit, r.Scale))
                .Select(run => new ChannelRun(run.Key.Channel, run.Key.Unit, run.Key.Scale,
                [
                    .. run.Select(r => new ReadingPoint(
                        r.Seq ?? DerivedSeq(r.Channel, r.ObservedAt.ToUnixTimeMilliseconds()),
                        r.ObservedAt.ToUnixTimeMilliseconds(), r.Mantissa, ClockQuality.Gateway, 0)),
                ]))
                .ToList();
            devices.Add(new DeviceRun(device.Key, runs));
        }

        return new Batch(gatewayId, Sequence(readings), receivedAt.ToUnixTimeMilliseconds(), devices, [], []);
    }

    /// <summary>The seq of a reading sent without one: negative, from its channel and observed time.</summary>
    public static long DerivedSeq(string channel, long observedUnixMs)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var input = new byte[Encoding.UTF8.GetByteCount(channel) + 9];
        var length = Encoding.UTF8.GetBytes(channel, input);
        input[length] = 0;
        BinaryPrimitives.WriteInt64BigEndian(input.AsSpan(length + 1), observedUnixMs);
        return Negative(SHA256.HashData(input));
    }

    /// <summary>The batch sequence of a document: negative, from its readings in (device, channel, time, seq) order.</summary>
    public static long Sequence(IReadOnlyList<ThirdPartyReading> readings)
    {
        ArgumentNullException.ThrowIfNull(readings);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> number = stackalloc byte[8];
        foreach (var r in readings
            .OrderBy(r => r.DeviceId, StringComparer.Ordinal).ThenBy(r => r.Channel, StringComparer.Ordinal)
            .ThenBy(r => r.ObservedAt.UtcTicks).ThenBy(r => r.Seq).ThenBy(r => r.Unit, StringComparer.Ordinal)
            .ThenBy(r => r.Mantissa).ThenBy(r => r.Scale))
        {
            Text(hash, r.DeviceId);
            Text(hash, r.Channel);
            Text(hash, r.Unit);
            foreach (var value in new[] { r.ObservedAt.ToUnixTimeMilliseconds(), r.Seq ?? -1, r.Seq is null ? 0 : 1, r.Mantissa, r.Scale })
            {
                BinaryPrimitives.WriteInt64BigEndian(number, value);
                hash.AppendData(number);
            }
        }

        return Negative(hash.GetHashAndReset());
    }

    // Length-prefixed, so that ("ab", "c") and ("a", "bc") differ.
    private static void Text(IncrementalHash hash, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }

    // -1 .. -2^63 from the first 63 bits of a hash.
    private static long Negative(ReadOnlySpan<byte> hash) => -(long)(BinaryPrimitives.ReadUInt64BigEndian(hash) >> 1) - 1;
}
