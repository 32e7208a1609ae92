using System.Globalization;
using Edge.Firmware.Crypto;
using Edge.Firmware.MBus;

namespace Edge.Gateway.Radio;

/// <summary>
/// The meters configured on one input (<see cref="SerialInputOptions.Keys"/>): which are ours, and their AES keys
/// (in a <see cref="MeterKeyStore"/>, looked up by the link layer's manufacturer and id). An entry id is
/// <c>MFR-IDIDIDID</c> or just the 8 id digits (any manufacturer).
/// </summary>
internal sealed class MeterDirectory
{
    private readonly MeterKeyStore _keys;
    private readonly HashSet<(ushort Manufacturer, uint Id)> _listed = [];

    public MeterDirectory(IReadOnlyList<MeterKeyOptions> meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _keys = new MeterKeyStore(Math.Max(1, meters.Count));
        foreach (var meter in meters)
        {
            if (!TryParseId(meter.Id, out var manufacturer, out var id))
            {
                throw new ArgumentException($"meter id '{meter.Id}' is not MFR-12345678 or 12345678", nameof(meters));
            }

            _listed.Add((manufacturer, id));
            if (!string.IsNullOrEmpty(meter.Key))
            {
                _keys.Set(manufacturer, id, Convert.FromHexString(meter.Key), 0);
            }
        }
    }

    /// <summary>Number of configured meters.</summary>
    public int Count => _listed.Count;

    /// <summary>Parses <c>MFR-12345678</c> or <c>12345678</c> (manufacturer <see cref="MeterKeyStore.AnyManufacturer"/>).</summary>
    public static bool TryParseId(string? text, out ushort manufacturer, out uint id)
    {
        manufacturer = MeterKeyStore.AnyManufacturer;
        id = 0;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var digits = text;
        if (text.Length == 12 && text[3] == '-')
        {
            var letters = text[..3].ToUpperInvariant();
            if (!letters.All(c => c is >= 'A' and <= 'Z'))
            {
                return false;
            }

            manufacturer = (ushort)(((letters[0] - 64) << 10) | ((letters[1] - 64) << 5) | (letters[2] - 64));
            digits = text[4..];
        }

        return digits.Length == 8 && digits.All(char.IsAsciiDigit)
            && uint.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out id);
    }

    /// <summary>True when the meter is configured (exactly, or by id for any manufacturer).</summary>
    public bool IsListed(int manufacturer, uint id) =>
        _listed.Contains(((ushort)manufacturer, id)) || _listed.Contains((MeterKeyStore.AnyManufacturer, id));

    /// <summary>The meter's key, or null when it has none.</summary>
    public byte[]? KeyOf(int manufacturer, uint id)
    {
        var key = new byte[16];
        return _keys.TryGetKey((ushort)manufacturer, id, key, 0) ? key : null;
    }

    /// <summary>Manufacturer and id of a wM-Bus link layer (EN 13757-4: L C M(2) A(id 4, version, type)).</summary>
    public static bool TryReadLinkAddress(ReadOnlySpan<byte> frame, out int manufacturer, out uint id)
    {
        manufacturer = 0;
        id = 0;
        if (frame.Length < 10)
        {
            return false;
        }

        manufacturer = frame[2] | (frame[3] << 8);
        id = (uint)(frame[4] | (frame[5] << 8) | (frame[6] << 16) | (frame[7] << 24));
        return true;
    }

    /// <summary>Manufacturer letters of a code (for logs).</summary>
    public static string Letters(int manufacturer) => MBusManufacturer.ToLetters(manufacturer);
}
