using System.Collections.Concurrent;
using Edge.Firmware.Frames;

namespace Edge.Gateway.Southbound;

/// <summary>
/// The configuration each device reports it runs on (the <c>cfg</c>, <c>si</c> and <c>ri</c> fields of its frames,
/// firmware/FRAME.md "Device configuration"), so an operator can see which devices took the intervals the gateway
/// published on their config topics. In memory: the next frame after a restart says it again.
/// </summary>
public sealed class DeviceSettingsLedger
{
    private readonly ConcurrentDictionary<string, FrameSettings> _devices = new(StringComparer.Ordinal);

    /// <summary>What <paramref name="deviceId"/> last reported, or null.</summary>
    public FrameSettings? For(string deviceId) => _devices.GetValueOrDefault(deviceId);

    /// <summary>Every device that reported, with what it reported.</summary>
    public IReadOnlyDictionary<string, FrameSettings> All => _devices;

    /// <summary>Records a report; true when it differs from the device's previous one.</summary>
    public bool Record(string deviceId, FrameSettings settings)
    {
        var previous = _devices.GetValueOrDefault(deviceId);
        _devices[deviceId] = settings;
        return previous != settings;
    }
}
