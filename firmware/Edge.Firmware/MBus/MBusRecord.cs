namespace Edge.Firmware.MBus;

/// <summary>
/// One data record of the EN 13757-3 application layer (§6.3 DIB, §6.4 VIB, §6.5 data), with its value
/// scaled to the record's <see cref="Unit"/>. Instances live in a <see cref="MBusTelegram"/> pool and are
/// reused: copy what you keep. Text and byte values point into <see cref="MBusTelegram.Buffer"/>.
/// </summary>
public sealed class MBusRecord
{
    /// <summary>Offset of the DIF in the telegram buffer.</summary>
    public int Offset;

    /// <summary>The DIF byte.</summary>
    public int Dif;

    /// <summary>The VIF as table × 256 + code: 0x00-0x7F primary, 0xFB00/0xFD00 extension tables, -1 none.</summary>
    public int VifCode;

    /// <summary>Data field code of the DIF (low nibble, EN 13757-3 §6.3.2 table 4).</summary>
    public int DataField;

    /// <summary>Function field, see <see cref="MBusFunction"/>.</summary>
    public int Function;

    /// <summary>Storage number (DIF bit 6 plus 4 bits per DIFE, §6.3.3).</summary>
    public long StorageNumber;

    /// <summary>Tariff (2 bits per DIFE).</summary>
    public int Tariff;

    /// <summary>Subunit / device unit (1 bit per DIFE).</summary>
    public int Subunit;

    /// <summary>Quantity name (a constant of <see cref="MBusQuantity"/>), never null.</summary>
    public string Quantity = MBusQuantity.Unknown;

    /// <summary>Unit of the scaled value (a constant of <see cref="MBusUnit"/>), never null.</summary>
    public string Unit = MBusUnit.None;

    /// <summary>What the value is, see <see cref="MBusValueKind"/>.</summary>
    public int Kind;

    /// <summary>Integer part of the value (see <see cref="MBusValueKind"/>).</summary>
    public long Mantissa;

    /// <summary>Decimal exponent applied to <see cref="Mantissa"/> or <see cref="Real"/>.</summary>
    public int Exponent;

    /// <summary>The raw 32-bit real for data field 5.</summary>
    public double Real;

    /// <summary>Offset of the data bytes in the telegram buffer.</summary>
    public int DataOffset;

    /// <summary>Number of data bytes.</summary>
    public int DataLength;

    /// <summary>Offset of a plain-text VIF (VIF 0x7C/0xFC, §6.4.2), or -1.</summary>
    public int VifTextOffset;

    /// <summary>Length of the plain-text VIF.</summary>
    public int VifTextLength;

    /// <summary>Flags from combinable VIFEs, see <see cref="MBusVifeFlags"/>.</summary>
    public int VifeFlags;

    /// <summary>Record error code from a VIFE 0x00-0x1F (§6.4.4 table 16), or -1.</summary>
    public int RecordError;

    /// <summary>
    /// The first VIFE after a manufacturer specific VIF 0xFF (EN 13757-3 §6.4.1: its meaning is the
    /// manufacturer's, e.g. Kamstrup 0x20 = info codes), without the extension bit; -1 when there is none.
    /// </summary>
    public int ManufacturerVife;

    /// <summary>A description added by a combinable VIFE ("per hour", "lower limit"), or empty.</summary>
    public string Modifier = string.Empty;

    /// <summary>
    /// True for a record a manufacturer decoder built from manufacturer specific data (see
    /// <see cref="MBusTelegram.ManufacturerFormat"/>); <see cref="Dif"/> and <see cref="VifCode"/> then show the
    /// standard record it is equivalent to.
    /// </summary>
    public bool FromManufacturerData;

    /// <summary>The value as a double (for display; use Mantissa/Exponent for exact work).</summary>
    public double ToDouble()
    {
        var v = Kind == MBusValueKind.Real ? Real : Mantissa;
        var e = Exponent;
        for (; e > 0; e--)
        {
            v *= 10;
        }

        for (; e < 0; e++)
        {
            v /= 10;
        }

        return v;
    }

    internal void Clear(int offset)
    {
        Offset = offset;
        Dif = 0;
        VifCode = -1;
        DataField = 0;
        Function = 0;
        StorageNumber = 0;
        Tariff = 0;
        Subunit = 0;
        Quantity = MBusQuantity.Unknown;
        Unit = MBusUnit.None;
        Kind = MBusValueKind.None;
        Mantissa = 0;
        Exponent = 0;
        Real = 0;
        DataOffset = 0;
        DataLength = 0;
        VifTextOffset = -1;
        VifTextLength = 0;
        VifeFlags = 0;
        RecordError = -1;
        ManufacturerVife = -1;
        Modifier = string.Empty;
        FromManufacturerData = false;
    }
}
