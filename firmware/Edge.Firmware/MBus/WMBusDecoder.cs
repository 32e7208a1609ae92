using Edge.Firmware.MBus.Manufacturers;

namespace Edge.Firmware.MBus;

/// <summary>
/// Decodes wireless M-Bus / OMS telegrams (EN 13757-4 link layer, ELL and AFL, EN 13757-7 transport layer,
/// EN 13757-3 records) into a <see cref="MBusTelegram"/>. Frames may carry format A CRCs or have them removed.
/// Encrypted payloads need a key and an <see cref="IWMBusCipher"/>; without them the error says so.
/// Manufacturer specific layouts with a public description are read by <c>MBus/Manufacturers</c>, and the
/// telegram then names the layout in <see cref="MBusTelegram.ManufacturerFormat"/>.
/// Not thread-safe (scratch buffers are reused); decoding never throws on bad input.
/// </summary>
public sealed partial class WMBusDecoder
{
    private readonly WMBusSecurity _security = new WMBusSecurity();
    private readonly byte[] _aField = new byte[6];
    private readonly AflHeader _afl = new AflHeader();
    private readonly CompactFormatCache _formats;

    /// <summary>
    /// Creates a decoder with its own format cache for compact frames (16 formats), seeded with the known
    /// Kamstrup water meter formats.
    /// </summary>
    public WMBusDecoder()
        : this(new CompactFormatCache(16))
    {
        KamstrupCompactFormats.AddTo(_formats);
    }

    /// <summary>Creates a decoder that learns and looks up compact frame formats in <paramref name="formats"/>.</summary>
    public WMBusDecoder(CompactFormatCache formats)
    {
        _formats = formats;
    }

    /// <summary>Formats for compact frames: learned from every full frame decoded, looked up by CI 0x79 frames.</summary>
    public CompactFormatCache CompactFormats => _formats;

    /// <summary>The AES implementation used for encrypted telegrams, or null (encrypted telegrams then fail).</summary>
    public IWMBusCipher? Cipher
    {
        get => _security.Cipher;
        set => _security.Cipher = value;
    }

    /// <summary>Expected CRC layout, see <see cref="WMBusFrameFormat"/>.</summary>
    public int FrameFormat { get; set; }

    /// <summary>
    /// Decodes <paramref name="length"/> bytes at <paramref name="offset"/> into <paramref name="t"/>.
    /// <paramref name="key"/> is the meter's 16-byte AES key (8 bytes for the DES of security mode 2), or null when
    /// none is configured.
    /// </summary>
    public bool TryDecode(byte[] frame, int offset, int length, byte[]? key, MBusTelegram t)
    {
        t.Reset();
        if (length > MBusTelegram.BufferSize)
        {
            return t.Fail("frame of " + length.ToString() + " bytes is longer than " + MBusTelegram.BufferSize.ToString());
        }

        if (length < 11)
        {
            return t.Fail("frame too short: " + length.ToString() + " bytes, at least 11 needed (L C M A CI)");
        }

        if (key != null && key.Length != 16 && key.Length != DesCipher.BlockSize)
        {
            return t.Fail("key must be 16 bytes (AES) or 8 bytes (DES), got " + key.Length.ToString());
        }

        var b = t.Buffer;
        System.Array.Copy(frame, offset, b, 0, length);
        var end = LinkLength(t, length);
        if (end < 0)
        {
            return false;
        }

        t.Length = end;
        t.CField = b[1];
        var mField = b[2] | (b[3] << 8);
        System.Array.Copy(b, 4, _aField, 0, 6);
        t.ManufacturerCode = mField;
        t.IdRaw = (uint)(b[4] | (b[5] << 8) | (b[6] << 16) | (b[7] << 24));
        t.Version = b[8];
        t.DeviceType = b[9];
        ManufacturerFormats.AdjustHeader(t);
        _afl.Reset();
        if (!DecodeCi(t, 10, end, key, mField) || !ManufacturerFormats.AfterRecords(t))
        {
            return false;
        }

        TelegramStatus.Apply(t);
        return true;
    }
}
