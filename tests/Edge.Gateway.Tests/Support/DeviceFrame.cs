using Edge.Firmware.Encoding;
using Edge.Firmware.Hardware;

namespace Edge.Gateway.Tests.Support;

/// <summary>
/// One-reading frames of any device, encoded by the firmware's own SenML encoder, as a device sends them
/// (the decoding tests use hand-written hex instead; these tests are about what the gateway does with frames).
/// </summary>
internal static class DeviceFrame
{
    /// <summary>Device ids dev-01, dev-02, ... with password "pw-" + id.</summary>
    public static string Id(int index) => $"dev-{index:D2}";

    public static string Password(string device) => "pw-" + device;

    /// <summary>Adds devices <see cref="Id"/>(1..count) to the gateway settings (after the two default devices).</summary>
    public static void AddDevices(Dictionary<string, string> settings, int count)
    {
        for (var i = 1; i <= count; i++)
        {
            settings[$"Edge:Gateway:Devices:{i + 1}:Id"] = Id(i);
            settings[$"Edge:Gateway:Devices:{i + 1}:Password"] = Password(Id(i));
        }
    }

    /// <summary>A frame with one volume reading in whole litres.</summary>
    public static byte[] Single(string device, long seq, DateTimeOffset observed, long litres, int flags = 0)
    {
        var encoder = new SenmlFrameEncoder(device, new byte[256]);
        var length = encoder.EncodeMilli(
            "volume", "l", 1, [seq], [observed.ToUnixTimeMilliseconds()], [litres * 1000], [flags], [ClockQualities.Ntp]);
        return length > 0 ? encoder.Buffer[..length] : throw new InvalidOperationException("frame buffer too small");
    }
}
