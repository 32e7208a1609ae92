namespace Edge.Uplink.Binary;

/// <summary>
/// The envelope of BATCH-FORMAT.md ("Header"): magic, version, flags, ids, lengths and the CRC-32, which
/// covers the header bytes before it followed by the uncompressed body.
/// </summary>
internal static class Envelope
{
    public const byte Version = 1;
    public const byte FlagCompressed = 0x01;
    public const byte FlagDictionary = 0x02;
    public const byte FlagDeviceTimes = 0x04;

    /// <summary>"EDGB".</summary>
    public static ReadOnlySpan<byte> Magic => "EDGB"u8;

    /// <summary>Writes the header up to and including the stored body length (everything before the CRC).</summary>
    public static void WritePrefix(ByteWriter writer, Batch batch, uint? dictionaryId, bool compressed, bool deviceTimes, int bodyLength, int storedLength)
    {
        writer.WriteBytes(Magic);
        writer.WriteByte(Version);
        var flags = (byte)((compressed ? FlagCompressed : 0) | (dictionaryId is null ? 0 : FlagDictionary) | (deviceTimes ? FlagDeviceTimes : 0));
        writer.WriteByte(flags);
        writer.WriteString(batch.GatewayId);
        writer.WriteUVarint((ulong)batch.Sequence);
        writer.WriteSVarint(batch.CreatedUnixMs);
        if (dictionaryId is { } id)
        {
            writer.WriteUInt32LittleEndian(id);
        }

        writer.WriteUVarint((ulong)bodyLength);
        writer.WriteUVarint((ulong)storedLength);
    }

    /// <summary>Reads the header; <paramref name="prefixLength"/> is where the CRC starts.</summary>
    public static BatchHeader Read(ReadOnlySpan<byte> data, out int prefixLength, out uint crc)
    {
        var location = new DecodeLocation();
        var reader = new ByteReader(data, location);
        location.Part("magic");
        if (data.Length < Magic.Length || !data[..Magic.Length].SequenceEqual(Magic))
        {
            throw new BatchFormatException(data.Length < Magic.Length
                ? "truncated in header magic"
                : "bad magic: not an Edge batch (expected \"EDGB\")");
        }

        reader.ReadBytes(Magic.Length);
        location.Part("version");
        var version = reader.ReadByte();
        if (version != Version)
        {
            throw new BatchFormatException($"unsupported batch format version {version} (this decoder reads version {Version})");
        }

        location.Part("flags");
        var flags = reader.ReadByte();
        if ((flags & ~(FlagCompressed | FlagDictionary | FlagDeviceTimes)) != 0)
        {
            throw reader.Error($"unknown flag bits 0x{flags:X2}");
        }

        var compressed = (flags & FlagCompressed) != 0;
        if ((flags & FlagDictionary) != 0 && !compressed)
        {
            throw reader.Error("dictionary flag without compression flag");
        }

        location.Part("gateway id");
        var gatewayId = reader.ReadString("gateway id", BatchLimits.MaxIdBytes, allowEmpty: false);
        location.Part("sequence");
        var sequence = reader.ReadNonNegativeInt64("batch sequence");
        location.Part("created time");
        var created = BodyDecoder.ReadTime(ref reader, "created time");
        uint? dictionaryId = null;
        if ((flags & FlagDictionary) != 0)
        {
            location.Part("dictionary id");
            dictionaryId = reader.ReadUInt32LittleEndian();
            if (dictionaryId == 0)
            {
                throw reader.Error("dictionary id 0 (reserved)");
            }
        }

        location.Part("body length");
        var bodyLength = reader.ReadCount("body length", int.MaxValue);
        location.Part("stored body length");
        var storedLength = reader.ReadCount("stored body length", int.MaxValue);
        if (!compressed && storedLength != bodyLength)
        {
            throw reader.Error($"stored length {storedLength} differs from body length {bodyLength} of an uncompressed body");
        }

        prefixLength = reader.Position;
        location.Part("CRC");
        crc = reader.ReadUInt32LittleEndian();
        return new BatchHeader(version, gatewayId, sequence, created)
        {
            IsCompressed = compressed,
            HasDeviceTimes = (flags & FlagDeviceTimes) != 0,
            DictionaryId = dictionaryId,
            BodyLength = bodyLength,
            StoredBodyLength = storedLength,
            EncodedLength = (long)reader.Position + storedLength,
        };
    }
}
