using System.Globalization;

namespace Edge.Uplink.Binary;

/// <summary>
/// Where the decoder is inside a body, so an error can say "truncated in device 3 ('pm-000001') channel
/// 'volume' times column". Updated in place; the text is only built when an error is thrown.
/// </summary>
internal sealed class DecodeLocation
{
    private string _section = "header";
    private int _index = -1;
    private string? _deviceId;
    private string? _channel;
    private string? _part;

    /// <summary>Enters a top-level section ("header", "device list", "events", "gap records").</summary>
    public void Section(string section)
    {
        _section = section;
        _index = -1;
        _deviceId = null;
        _channel = null;
        _part = null;
    }

    /// <summary>Enters item <paramref name="index"/> of the current section.</summary>
    public void Item(int index)
    {
        _index = index;
        _deviceId = null;
        _channel = null;
        _part = null;
    }

    public void DeviceId(string deviceId) => _deviceId = deviceId;

    public void Channel(string? channel)
    {
        _channel = channel;
        _part = null;
    }

    /// <summary>The field or column being read, e.g. "times column".</summary>
    public void Part(string? part) => _part = part;

    public override string ToString()
    {
        var where = _section switch
        {
            "device list" when _index >= 0 => string.Create(CultureInfo.InvariantCulture, $"device {_index}"),
            "events" when _index >= 0 => string.Create(CultureInfo.InvariantCulture, $"event {_index}"),
            "gap records" when _index >= 0 => string.Create(CultureInfo.InvariantCulture, $"gap record {_index}"),
            _ => _section,
        };
        if (_deviceId is not null)
        {
            where += $" ('{_deviceId}')";
        }

        if (_channel is not null)
        {
            where += $" channel '{_channel}'";
        }

        if (_part is not null)
        {
            where += " " + _part;
        }

        return where;
    }
}
