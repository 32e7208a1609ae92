namespace Edge.Firmware.MBus.Master;

/// <summary>
/// A secondary address or search pattern (EN 13757-3, selection with CI 0x52): the 8-digit BCD identification
/// number, manufacturer code, version and device type, in this order on the wire. A nibble 0xF of the id, a
/// manufacturer 0xFFFF, a version or device type 0xFF are wildcards.
/// </summary>
public sealed class MBusSecondaryAddress
{
    /// <summary>Manufacturer wildcard.</summary>
    public const int AnyManufacturer = 0xFFFF;

    /// <summary>Version / device type wildcard.</summary>
    public const int AnyByte = 0xFF;

    /// <summary>Bytes of the selection data.</summary>
    public const int Length = 8;

    /// <summary>Identification number as BCD (0x12345678 is id 12345678); nibbles 0xF match any digit.</summary>
    public uint Id;

    /// <summary>Manufacturer code (EN 13757-3 §6.2.2), or <see cref="AnyManufacturer"/>.</summary>
    public int Manufacturer = AnyManufacturer;

    /// <summary>Version, or <see cref="AnyByte"/>.</summary>
    public int Version = AnyByte;

    /// <summary>Device type (medium), or <see cref="AnyByte"/>.</summary>
    public int DeviceType = AnyByte;

    /// <summary>Creates the all-wildcard pattern.</summary>
    public MBusSecondaryAddress()
    {
        Id = 0xFFFFFFFF;
    }

    /// <summary>Creates an address for <paramref name="id"/> (BCD, wildcards allowed), any manufacturer, version and type.</summary>
    public MBusSecondaryAddress(uint id)
    {
        Id = id;
    }

    /// <summary>Digit <paramref name="position"/> of the id, 0 = most significant; 0xF is a wildcard.</summary>
    public int GetDigit(int position) => (int)((Id >> (28 - (4 * position))) & 0xF);

    /// <summary>Sets digit <paramref name="position"/> (0 = most significant) to <paramref name="digit"/> (0-9, or 0xF for any).</summary>
    public void SetDigit(int position, int digit)
    {
        var shift = 28 - (4 * position);
        Id = (Id & ~(0xFu << shift)) | ((uint)(digit & 0xF) << shift);
    }

    /// <summary>True when the id holds only decimal digits (a complete id, no wildcard, no invalid BCD).</summary>
    public bool IsCompleteId()
    {
        for (var i = 0; i < 8; i++)
        {
            if (GetDigit(i) > 9)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Writes the 8 selection bytes: id (4, least significant byte first), manufacturer (2), version, device type.</summary>
    public void Write(byte[] b, int offset)
    {
        b[offset] = (byte)Id;
        b[offset + 1] = (byte)(Id >> 8);
        b[offset + 2] = (byte)(Id >> 16);
        b[offset + 3] = (byte)(Id >> 24);
        b[offset + 4] = (byte)Manufacturer;
        b[offset + 5] = (byte)(Manufacturer >> 8);
        b[offset + 6] = (byte)Version;
        b[offset + 7] = (byte)DeviceType;
    }

    /// <summary>The id as 8 characters, wildcards as 'F' (allocates: for logs).</summary>
    public override string ToString() => MBusTelegram.IdText(Id);
}
