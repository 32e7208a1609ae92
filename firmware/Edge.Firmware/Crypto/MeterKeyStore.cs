using System;

namespace Edge.Firmware.Crypto;

/// <summary>
/// AES-128 keys per meter, for telegram decryption: a fixed number of slots in flat arrays (no dictionary
/// exists on the device), looked up by manufacturer code and identification number as they appear in the
/// M-Bus header (EN 13757-3: the 2-byte manufacturer code, the 4-byte BCD id read as a little-endian
/// <see cref="uint"/>, e.g. id 12345678 is 0x12345678). A slot stored with <see cref="AnyManufacturer"/>
/// matches that id from any manufacturer, for keys known only by the id printed on the meter; an exact
/// match wins over it. Linear search: the device holds tens of keys, the gateway a few thousand.
/// </summary>
public sealed class MeterKeyStore
{
    /// <summary>Manufacturer code that matches every manufacturer.</summary>
    public const ushort AnyManufacturer = 0;

    private readonly ushort[] _manufacturers;
    private readonly uint[] _ids;
    private readonly byte[] _keys;
    private int _count;

    /// <summary>Creates a store with room for <paramref name="capacity"/> keys.</summary>
    public MeterKeyStore(int capacity)
    {
        if (capacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), "capacity must be at least 1");
        }

        _manufacturers = new ushort[capacity];
        _ids = new uint[capacity];
        _keys = new byte[capacity * Aes128.KeySize];
    }

    /// <summary>Number of keys stored.</summary>
    public int Count => _count;

    /// <summary>Maximum number of keys.</summary>
    public int Capacity => _ids.Length;

    /// <summary>
    /// Stores or replaces the key of a meter; false (and nothing changed) when the meter is new and the
    /// store is full.
    /// </summary>
    public bool Set(ushort manufacturer, uint id, byte[] key, int keyOffset)
    {
        Aes128.CheckRange(key, keyOffset, Aes128.KeySize, nameof(key));
        var slot = FindExact(manufacturer, id);
        if (slot < 0)
        {
            if (_count == _ids.Length)
            {
                return false;
            }

            slot = _count++;
            _manufacturers[slot] = manufacturer;
            _ids[slot] = id;
        }

        Array.Copy(key, keyOffset, _keys, slot * Aes128.KeySize, Aes128.KeySize);
        return true;
    }

    /// <summary>
    /// Copies the key for the meter to <paramref name="destination"/> and returns true; returns false and
    /// leaves <paramref name="destination"/> untouched when no key is stored for it.
    /// </summary>
    public bool TryGetKey(ushort manufacturer, uint id, byte[] destination, int destinationOffset)
    {
        Aes128.CheckRange(destination, destinationOffset, Aes128.KeySize, nameof(destination));
        var slot = Find(manufacturer, id);
        if (slot < 0)
        {
            return false;
        }

        Array.Copy(_keys, slot * Aes128.KeySize, destination, destinationOffset, Aes128.KeySize);
        return true;
    }

    /// <summary>True when a key would be found for the meter.</summary>
    public bool Contains(ushort manufacturer, uint id) => Find(manufacturer, id) >= 0;

    /// <summary>Removes the key stored under exactly this manufacturer and id; false when there was none.</summary>
    public bool Remove(ushort manufacturer, uint id)
    {
        var slot = FindExact(manufacturer, id);
        if (slot < 0)
        {
            return false;
        }

        // Keep the used slots contiguous: move the last one into the hole, then wipe the last.
        var last = _count - 1;
        _manufacturers[slot] = _manufacturers[last];
        _ids[slot] = _ids[last];
        Array.Copy(_keys, last * Aes128.KeySize, _keys, slot * Aes128.KeySize, Aes128.KeySize);
        Array.Clear(_keys, last * Aes128.KeySize, Aes128.KeySize);
        _manufacturers[last] = 0;
        _ids[last] = 0;
        _count = last;
        return true;
    }

    /// <summary>Removes every key and overwrites the key bytes with zeros.</summary>
    public void Clear()
    {
        Array.Clear(_keys, 0, _keys.Length);
        Array.Clear(_ids, 0, _ids.Length);
        Array.Clear(_manufacturers, 0, _manufacturers.Length);
        _count = 0;
    }

    private int Find(ushort manufacturer, uint id)
    {
        var exact = FindExact(manufacturer, id);
        return exact >= 0 || manufacturer == AnyManufacturer ? exact : FindExact(AnyManufacturer, id);
    }

    private int FindExact(ushort manufacturer, uint id)
    {
        for (var i = 0; i < _count; i++)
        {
            if (_ids[i] == id && _manufacturers[i] == manufacturer)
            {
                return i;
            }
        }

        return -1;
    }
}
