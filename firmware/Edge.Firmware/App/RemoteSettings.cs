using Edge.Firmware.Buffering;
using Edge.Firmware.Hardware;
using Edge.Firmware.Util;

namespace Edge.Firmware.App;

/// <summary>
/// The sampling and reporting intervals the gateway set on <c>edge/v1/{id}/config</c> (firmware/FRAME.md, "Device
/// configuration"): subscribes, takes each message, applies a valid one at once and keeps it in storage, so a reboot
/// starts with it; a bad one is counted with its reason and the last good one stays. Until the first message the
/// device runs on its provisioned settings. Kept in two alternating 16-byte copies between the
/// <see cref="DeviceState"/> copies and the reading ring, each with a generation and a 24-bit CRC (the low bits of
/// CRC-32), so a write torn by a power cut leaves the previous copy. No allocation after construction.
/// </summary>
public sealed class RemoteSettings
{
    /// <summary>Largest configuration message taken (the gateway's is 13-19 bytes).</summary>
    public const int MaxMessageBytes = 128;

    private const int Offset = DeviceState.RegionBytes;
    private const int CopyBytes = 16;
    private const int CrcOffset = 13;
    private const byte Magic = 0x43; // 'C'
    private readonly IStorage _storage;
    private readonly IUplink _uplink;
    private readonly string _topic;
    private readonly byte[] _message = new byte[MaxMessageBytes];
    private readonly byte[] _copy = new byte[CopyBytes];
    private readonly SettingsMessage _reader = new SettingsMessage();
    private byte _generation;

    /// <summary>Binds to the storage region and the uplink; <paramref name="deviceId"/> names the topic.</summary>
    public RemoteSettings(string deviceId, IStorage storage, IUplink uplink)
    {
        _storage = storage;
        _uplink = uplink;
        _topic = "edge/v1/" + deviceId + "/config";
    }

    /// <summary>The topic the gateway publishes the device's configuration on.</summary>
    public string Topic => _topic;

    /// <summary>True once a configuration from the gateway is in force (this boot or kept from an earlier one).</summary>
    public bool HasSettings { get; private set; }

    /// <summary>Version of the configuration in force (0: the gateway's own; meaningless until <see cref="HasSettings"/>).</summary>
    public long Version { get; private set; }

    /// <summary>Sampling interval in seconds set by the gateway.</summary>
    public int SamplingSeconds { get; private set; }

    /// <summary>Reporting interval in seconds set by the gateway.</summary>
    public int ReportingSeconds { get; private set; }

    /// <summary>Disaster mode as the gateway said.</summary>
    public bool Disaster { get; private set; }

    /// <summary>Messages applied since boot.</summary>
    public int Applied { get; private set; }

    /// <summary>Messages not applied since boot (each with a reason in <see cref="LastRejection"/>).</summary>
    public int Rejected { get; private set; }

    /// <summary>Reason of the last message not applied (<see cref="SettingsRejections"/>).</summary>
    public int LastRejection { get; private set; }

    /// <summary>Loads the kept settings (none on a new device) and subscribes to the topic.</summary>
    public void Start()
    {
        var foundA = TryReadCopy(0, out var genA);
        var foundB = TryReadCopy(CopyBytes, out var genB);
        HasSettings = foundA || foundB;
        if (foundA && foundB)
        {
            // Newer generation wins; generations are one byte and wrap.
            TryReadCopy((sbyte)(genB - genA) > 0 ? CopyBytes : 0, out _);
        }
        else if (foundA)
        {
            TryReadCopy(0, out _);
        }

        _uplink.Subscribe(_topic);
    }

    /// <summary>Takes a new message if one arrived; true when it changed the settings in force.</summary>
    public bool Poll()
    {
        var length = _uplink.TakeMessage(_topic, _message);
        if (length == 0)
        {
            return false;
        }

        var reason = length < 0 ? SettingsRejections.TooLarge : _reader.Read(_message, length);
        if (reason == SettingsRejections.None && HasSettings && _reader.Version < Version)
        {
            reason = SettingsRejections.OlderVersion;
        }

        if (reason != SettingsRejections.None)
        {
            Rejected++;
            LastRejection = reason;
            return false;
        }

        Applied++;
        LastRejection = SettingsRejections.None;
        if (HasSettings && _reader.Version == Version && _reader.SamplingSeconds == SamplingSeconds
            && _reader.ReportingSeconds == ReportingSeconds && _reader.Disaster == Disaster)
        {
            return false; // the retained message again after a reconnect
        }

        HasSettings = true;
        Version = _reader.Version;
        SamplingSeconds = _reader.SamplingSeconds;
        ReportingSeconds = _reader.ReportingSeconds;
        Disaster = _reader.Disaster;
        Save();
        return true;
    }

    private void Save()
    {
        _generation++;
        var b = _copy;
        b[0] = Magic;
        b[1] = _generation;
        b[2] = (byte)(Disaster ? 1 : 0);
        LittleEndian.WriteUInt32(b, 3, (uint)Version);
        Write24(b, 7, SamplingSeconds);
        Write24(b, 10, ReportingSeconds);
        Write24(b, CrcOffset, (int)(Crc32.Compute(b, 0, CrcOffset) & 0xFFFFFF));
        _storage.Write(Offset + ((_generation & 1) == 0 ? 0 : CopyBytes), b, 0, CopyBytes);
        _storage.Flush();
    }

    private bool TryReadCopy(int offset, out byte generation)
    {
        var b = _copy;
        _storage.Read(Offset + offset, b, 0, CopyBytes);
        generation = 0;
        if (b[0] != Magic || Read24(b, CrcOffset) != (int)(Crc32.Compute(b, 0, CrcOffset) & 0xFFFFFF))
        {
            return false;
        }

        var sampling = Read24(b, 7);
        var reporting = Read24(b, 10);
        if (sampling < SettingsMessage.MinSamplingSeconds || sampling > SettingsMessage.MaxSamplingSeconds
            || reporting < sampling || reporting > SettingsMessage.MaxReportingSeconds)
        {
            return false;
        }

        generation = b[1];
        _generation = generation;
        Disaster = (b[2] & 1) != 0;
        Version = LittleEndian.ReadUInt32(b, 3);
        SamplingSeconds = sampling;
        ReportingSeconds = reporting;
        return true;
    }

    private static void Write24(byte[] b, int index, int value)
    {
        b[index] = (byte)value;
        b[index + 1] = (byte)(value >> 8);
        b[index + 2] = (byte)(value >> 16);
    }

    private static int Read24(byte[] b, int index) => b[index] | (b[index + 1] << 8) | (b[index + 2] << 16);
}
