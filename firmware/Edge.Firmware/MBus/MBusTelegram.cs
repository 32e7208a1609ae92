namespace Edge.Firmware.MBus;

/// <summary>
/// A decoded telegram: the header fields, the data records and, when decoding failed, the reason.
/// Create one and pass it to every decode call: it owns the working buffer and a pool of records,
/// so decoding allocates nothing in the steady state (error texts excepted).
/// </summary>
public sealed class MBusTelegram
{
    /// <summary>Largest telegram handled (a wireless frame with link CRCs is at most 255 + 1 + 2×17 bytes).</summary>
    public const int BufferSize = 512;

    /// <summary>Records kept per telegram; more is an error.</summary>
    public const int MaxRecords = 128;

    private readonly MBusRecord[] _records = new MBusRecord[MaxRecords];

    /// <summary>Creates an empty telegram with its record pool.</summary>
    public MBusTelegram()
    {
        for (var i = 0; i < MaxRecords; i++)
        {
            _records[i] = new MBusRecord();
        }

        Reset();
    }

    /// <summary>Working copy of the frame (link CRCs removed, payload decrypted in place).</summary>
    public byte[] Buffer { get; } = new byte[BufferSize];

    /// <summary>Bytes of <see cref="Buffer"/> in use.</summary>
    public int Length { get; internal set; }

    /// <summary>Null when decoding succeeded, otherwise what is wrong.</summary>
    public string? Error { get; internal set; }

    /// <summary>C field (link layer control).</summary>
    public int CField { get; internal set; }

    /// <summary>Wired primary address (A field of EN 13757-2), -1 for wireless.</summary>
    public int PrimaryAddress { get; internal set; }

    /// <summary>CI field of the transport layer (after AFL/ELL), see <see cref="MBusCi"/>.</summary>
    public int CiField { get; internal set; }

    /// <summary>Manufacturer code (EN 13757-3 §6.2.2: three letters, 5 bits each, 'A' = 1).</summary>
    public int ManufacturerCode { get; internal set; }

    /// <summary>Identification number as on the wire (4 bytes BCD, little-endian), e.g. 0x12345678.</summary>
    public uint IdRaw { get; internal set; }

    /// <summary>Version (generation) of the meter.</summary>
    public int Version { get; internal set; }

    /// <summary>Device type (medium), see <see cref="MBusDeviceType"/>.</summary>
    public int DeviceType { get; internal set; }

    /// <summary>Access number of the transport layer header, -1 when there is none.</summary>
    public int AccessNumber { get; internal set; }

    /// <summary>Status byte of the transport layer header (see <see cref="MBusStatus"/>), -1 when there is none.</summary>
    public int Status { get; internal set; }

    /// <summary>Configuration word (wireless) or signature (wired) of the transport layer header.</summary>
    public int ConfigurationWord { get; internal set; }

    /// <summary>Security mode from the configuration word (0 = none, 5 = AES-CBC, 7 = AES-CBC with KDF).</summary>
    public int SecurityMode { get; internal set; }

    /// <summary>True when the payload was decrypted, or arrived already decrypted.</summary>
    public bool Decrypted { get; internal set; }

    /// <summary>Application error code after CI 0x70 (EN 13757-3 §6.6), -1 when none.</summary>
    public int ApplicationError { get; internal set; }

    /// <summary>DIF 0x1F was seen: the meter has more records in a next telegram.</summary>
    public bool MoreRecordsFollow { get; internal set; }

    /// <summary>Meter condition flags (see <see cref="MeterStatusFlags"/>) from the status byte and manufacturer records.</summary>
    public int MeterFlags { get; internal set; }

    /// <summary>Raw manufacturer status / info code record (e.g. Kamstrup info codes), -1 when the telegram has none.</summary>
    public long ManufacturerStatus { get; internal set; }

    /// <summary>
    /// How long the dry, reverse, leak and burst conditions have lasted, 3 bits each (bits 0-2 dry, 3-5 reverse,
    /// 6-8 leak, 9-11 burst), as <see cref="MeterStatusFlags.DurationText"/> codes; 0 when unknown.
    /// </summary>
    public int StatusDurations { get; internal set; }

    /// <summary>Format signature of a compact frame (CI 0x79), -1 for other frames.</summary>
    public int CompactSignature { get; internal set; }

    /// <summary>
    /// For a compact frame: true when the full-frame CRC it carries matches the records rebuilt from the
    /// remembered format (compact M-Bus annex of EN 13757-3: CRC-16 over the data records of the equivalent full frame).
    /// </summary>
    public bool CompactCrcOk { get; internal set; }

    /// <summary>
    /// Which manufacturer specific layout was read (for example "Apator 162 registers"), null when the telegram is
    /// standard EN 13757-3 only. Set by the decoders in <c>MBus/Manufacturers</c>; records they add are marked
    /// with <see cref="MBusRecord.FromManufacturerData"/>.
    /// </summary>
    public string? ManufacturerFormat { get; internal set; }

    /// <summary>True when no key was configured and a manufacturer's published default key decrypted the payload.</summary>
    public bool DefaultKeyUsed { get; internal set; }

    /// <summary>
    /// True when the frame carried the link-layer CRC of its last format A block (EN 13757-4 §6.5) while the other
    /// CRCs were removed, as some receivers deliver it: the CRC matched and was dropped.
    /// </summary>
    public bool TrailingLinkCrcRemoved { get; internal set; }

    /// <summary>Number of decoded records.</summary>
    public int RecordCount { get; private set; }

    /// <summary>True when decoding succeeded.</summary>
    public bool Ok => Error == null;

    /// <summary>Manufacturer as three letters (allocates).</summary>
    public string Manufacturer => MBusManufacturer.ToLetters(ManufacturerCode);

    /// <summary>Identification number as 8 digits, most significant first (allocates).</summary>
    public string Id => IdText(IdRaw);

    /// <summary>Record <paramref name="index"/> (0 ≤ index &lt; <see cref="RecordCount"/>).</summary>
    public MBusRecord GetRecord(int index) => _records[index];

    /// <summary>8 hex digits of a BCD identification number.</summary>
    public static string IdText(uint raw)
    {
        var chars = new char[8];
        for (var i = 0; i < 8; i++)
        {
            var nibble = (int)((raw >> (28 - (4 * i))) & 0xF);
            chars[i] = (char)(nibble < 10 ? '0' + nibble : 'A' + nibble - 10);
        }

        return new string(chars);
    }

    /// <summary>Clears everything for the next decode.</summary>
    public void Reset()
    {
        Length = 0;
        Error = null;
        CField = 0;
        PrimaryAddress = -1;
        CiField = -1;
        ManufacturerCode = 0;
        IdRaw = 0;
        Version = 0;
        DeviceType = 0;
        AccessNumber = -1;
        Status = -1;
        ConfigurationWord = 0;
        SecurityMode = 0;
        Decrypted = false;
        ApplicationError = -1;
        MoreRecordsFollow = false;
        MeterFlags = 0;
        ManufacturerStatus = -1;
        StatusDurations = 0;
        CompactSignature = -1;
        CompactCrcOk = false;
        ManufacturerFormat = null;
        DefaultKeyUsed = false;
        TrailingLinkCrcRemoved = false;
        RecordCount = 0;
    }

    /// <summary>Drops the decoded records (and the error) to parse the same payload again.</summary>
    internal void ClearRecords()
    {
        RecordCount = 0;
        MoreRecordsFollow = false;
        Error = null;
    }

    /// <summary>Takes the next pooled record, or null when the pool is exhausted.</summary>
    internal MBusRecord? NextRecord(int offset)
    {
        if (RecordCount >= MaxRecords)
        {
            return null;
        }

        var r = _records[RecordCount++];
        r.Clear(offset);
        return r;
    }

    /// <summary>Records a failure and returns false, for <c>return t.Fail(...)</c>.</summary>
    internal bool Fail(string error)
    {
        Error = error;
        return false;
    }
}
