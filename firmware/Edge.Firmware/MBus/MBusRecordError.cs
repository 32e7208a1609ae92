namespace Edge.Firmware.MBus;

/// <summary>
/// Record error codes a slave reports in a VIFE 0x00-0x1F (EN 13757-3 §6.4.5, table "codes for record errors"),
/// kept in <see cref="MBusRecord.RecordError"/>.
/// </summary>
public static class MBusRecordError
{
    /// <summary>Name of a record error code, "reserved" for codes the table leaves open.</summary>
    public static string Name(int code)
    {
        switch (code)
        {
            case 0x00: return "none";
            case 0x01: return "too many DIFEs";
            case 0x02: return "storage number not implemented";
            case 0x03: return "unit number not implemented";
            case 0x04: return "tariff number not implemented";
            case 0x05: return "function not implemented";
            case 0x06: return "data class not implemented";
            case 0x07: return "data size not implemented";
            case 0x0B: return "too many VIFEs";
            case 0x0C: return "illegal VIF group";
            case 0x0D: return "illegal VIF exponent";
            case 0x0E: return "VIF/DIF mismatch";
            case 0x0F: return "unimplemented action";
            case 0x15: return "no data available (undefined value)";
            case 0x16: return "data overflow";
            case 0x17: return "data underflow";
            case 0x18: return "data error";
            case 0x1C: return "premature end of record";
            default: return "reserved";
        }
    }
}
