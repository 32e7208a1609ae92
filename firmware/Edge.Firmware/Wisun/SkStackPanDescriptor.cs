namespace Edge.Firmware.Wisun;

/// <summary>A PAN found by an active scan (one EPANDESC block).</summary>
public sealed class SkStackPanDescriptor
{
    /// <summary>Logical channel (33..60), or -1 when the block had none.</summary>
    public int Channel { get; set; } = -1;

    /// <summary>Channel page.</summary>
    public int ChannelPage { get; set; } = -1;

    /// <summary>PAN ID, or -1.</summary>
    public int PanId { get; set; } = -1;

    /// <summary>The coordinator's (meter's) 64-bit MAC address, as a bit pattern.</summary>
    public long Address { get; set; }

    /// <summary>True once the block gave an Addr.</summary>
    public bool HasAddress { get; set; }

    /// <summary>LQI, or -1.</summary>
    public int Lqi { get; set; } = -1;

    /// <summary>PairID (last 8 characters of the B-route ID as hex), or -1 when absent (scan mode 3).</summary>
    public long PairId { get; set; } = -1;

    /// <summary>True when the block had everything a join needs.</summary>
    public bool IsComplete => Channel >= 0 && PanId >= 0 && HasAddress;

    /// <summary>Forgets all fields.</summary>
    public void Clear()
    {
        Channel = -1;
        ChannelPage = -1;
        PanId = -1;
        Address = 0;
        HasAddress = false;
        Lqi = -1;
        PairId = -1;
    }

    /// <summary>Copies another descriptor.</summary>
    public void CopyFrom(SkStackPanDescriptor other)
    {
        Channel = other.Channel;
        ChannelPage = other.ChannelPage;
        PanId = other.PanId;
        Address = other.Address;
        HasAddress = other.HasAddress;
        Lqi = other.Lqi;
        PairId = other.PairId;
    }

    /// <summary>Takes one EPANDESC field line.</summary>
    public void Apply(SkStackLine line)
    {
        var v = line.PanValue;
        switch (line.PanField)
        {
            case SkStackPanField.Channel: Channel = (int)(v & 0xFF); break;
            case SkStackPanField.ChannelPage: ChannelPage = (int)(v & 0xFF); break;
            case SkStackPanField.PanId: PanId = (int)(v & 0xFFFF); break;
            case SkStackPanField.Address:
                Address = v;
                HasAddress = line.PanValueDigits == 16;
                break;
            case SkStackPanField.Lqi: Lqi = (int)(v & 0xFF); break;
            case SkStackPanField.PairId: PairId = v & 0xFFFFFFFFL; break;
            default: break;
        }
    }
}
