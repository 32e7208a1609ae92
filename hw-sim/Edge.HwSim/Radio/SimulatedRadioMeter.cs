using System.Security.Cryptography;
using Edge.HwSim.MBus;

namespace Edge.HwSim.Radio;

/// <summary>
/// A wireless M-Bus water meter (EN 13757-4 link layer, EN 13757-7 short transport header CI 0x7A, EN 13757-3
/// records), sending SND_NR telegrams with its volume register, encrypted with security mode 5 (AES-128-CBC)
/// when it has a key. Each <see cref="NextTelegram"/> is a new transmission: the access number advances.
/// </summary>
public sealed class SimulatedRadioMeter
{
    private readonly Lock _lock = new();
    private readonly byte[]? _key;
    private int _accessNumber;

    /// <summary>Creates a meter; <paramref name="id"/> is BCD (0x12345678 is id 12345678); <paramref name="key"/> null sends in clear.</summary>
    public SimulatedRadioMeter(string manufacturer, uint id, byte[]? key, long volumeLitres = 0, int firstAccessNumber = 0)
    {
        ManufacturerCode = VirtualMBusSlave.ManufacturerCodeOf(manufacturer);
        Manufacturer = manufacturer;
        Id = id;
        if (key is not null && key.Length != 16)
        {
            throw new ArgumentException("an AES-128 key is 16 bytes", nameof(key));
        }

        _key = key is null ? null : (byte[])key.Clone();
        VolumeLitres = volumeLitres;
        _accessNumber = firstAccessNumber & 0xFF;
    }

    /// <summary>Manufacturer letters.</summary>
    public string Manufacturer { get; }

    /// <summary>Manufacturer code (EN 13757-3 §6.2.2).</summary>
    public int ManufacturerCode { get; }

    /// <summary>Identification number, BCD.</summary>
    public uint Id { get; }

    /// <summary>Version.</summary>
    public int Version { get; set; } = 0x1B;

    /// <summary>Device type, 0x07 water.</summary>
    public int DeviceType { get; set; } = 0x07;

    /// <summary>Link mode the meter sends in, "C1" or "T1" (for the hex-line receiver's first column).</summary>
    public string Mode { get; set; } = "T1";

    /// <summary>Volume register in litres; set it, or let <see cref="LitresPerTelegram"/> grow it.</summary>
    public long VolumeLitres { get; set; }

    /// <summary>Litres added before each new telegram.</summary>
    public long LitresPerTelegram { get; set; } = 3;

    /// <summary>Status byte of the transport header (bit 2: power low, EN 13757-3 §6.2.3).</summary>
    public int Status { get; set; }

    /// <summary>Error flags record (DIF 0x02, VIF FD 17), 0 = none; Edge's bit meaning is in gateway/Edge.Gateway/Radio/README.md.</summary>
    public int ErrorFlags { get; set; }

    /// <summary>Grows the register, advances the access number and returns the telegram as a receiver delivers it: L field first, no link CRCs.</summary>
    public byte[] NextTelegram()
    {
        lock (_lock)
        {
            VolumeLitres += LitresPerTelegram;
            _accessNumber = (_accessNumber + 1) & 0xFF;
            return Build(_accessNumber);
        }
    }

    private byte[] Build(int access)
    {
        // EN 13757-3 records: 2F 2F (decryption check), volume (DIF 04, VIF 13: litres), error flags (DIF 02, VIF FD 17).
        var plain = new List<byte> { 0x2F, 0x2F, 0x04, 0x13 };
        AddLe(plain, (uint)VolumeLitres, 4);
        plain.AddRange([0x02, 0xFD, 0x17]);
        AddLe(plain, (uint)ErrorFlags, 2);
        while (plain.Count % 16 != 0)
        {
            plain.Add(0x2F); // idle filler up to whole AES blocks (EN 13757-7 §9.4)
        }

        var blocks = plain.Count / 16;
        var link = new List<byte> { 0x00, 0x44 }; // L (set below), C = SND_NR
        AddLe(link, (uint)ManufacturerCode, 2);
        AddLe(link, Id, 4);
        link.Add((byte)Version);
        link.Add((byte)DeviceType);

        // CI 0x7A short header: access number, status, configuration word (EN 13757-7 §7.6: mode bits 8-12, blocks bits 4-7).
        link.AddRange([0x7A, (byte)access, (byte)Status]);
        link.Add(_key is null ? (byte)0 : (byte)(blocks << 4));
        link.Add(_key is null ? (byte)0 : (byte)0x05);
        var payload = plain.ToArray();
        if (_key is not null)
        {
            // Mode 5 IV (EN 13757-7 §9.4.2): M field, A field (id, version, type), 8 × access number.
            var iv = new byte[16];
            for (var i = 0; i < 8; i++)
            {
                iv[i] = link[2 + i];
                iv[8 + i] = (byte)access;
            }

            using var aes = Aes.Create();
            aes.Key = _key;
            payload = aes.EncryptCbc(payload, iv, PaddingMode.None);
        }

        link.AddRange(payload);
        link[0] = (byte)(link.Count - 1);
        return [.. link];
    }

    private static void AddLe(List<byte> data, uint value, int bytes)
    {
        for (var i = 0; i < bytes; i++)
        {
            data.Add((byte)(value >> (8 * i)));
        }
    }
}
