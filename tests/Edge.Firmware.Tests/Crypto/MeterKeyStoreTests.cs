using Edge.Firmware.Crypto;

namespace Edge.Firmware.Tests.Crypto;

public class MeterKeyStoreTests
{
    // EN 13757-3 manufacturer code: ((c1 - 64) << 10) | ((c2 - 64) << 5) | (c3 - 64); "KAM" = 0x2C2D.
    private const ushort Kamstrup = 0x2C2D;
    private const ushort Other = 0x0477;

    private static byte[] Key(byte fill)
    {
        var key = new byte[16];
        key.AsSpan().Fill(fill);
        return key;
    }

    [Fact]
    public void TryGetKey_Absent_FalseAndDestinationUntouched()
    {
        var store = new MeterKeyStore(4);
        store.Set(Kamstrup, 0x12345678, Key(1), 0);
        var destination = Key(0xAA);
        Assert.False(store.TryGetKey(Kamstrup, 0x12345679, destination, 0));
        Assert.False(store.TryGetKey(Other, 0x12345678, destination, 0));
        Assert.Equal(Key(0xAA), destination);
    }

    [Fact]
    public void Set_ExistingMeter_ReplacesKey()
    {
        var store = new MeterKeyStore(2);
        Assert.True(store.Set(Kamstrup, 1, Key(1), 0));
        Assert.True(store.Set(Kamstrup, 1, Key(2), 0));
        var key = new byte[20];
        Assert.True(store.TryGetKey(Kamstrup, 1, key, 4));
        Assert.Equal(Key(2), key[4..]);
        Assert.Equal(1, store.Count);
    }

    [Fact]
    public void Set_Full_FalseAndExistingKept()
    {
        var store = new MeterKeyStore(2);
        Assert.True(store.Set(Kamstrup, 1, Key(1), 0));
        Assert.True(store.Set(Kamstrup, 2, Key(2), 0));
        Assert.False(store.Set(Kamstrup, 3, Key(3), 0));
        Assert.True(store.Set(Kamstrup, 2, Key(4), 0));
        Assert.Equal(2, store.Count);
        Assert.False(store.Contains(Kamstrup, 3));
    }

    [Fact]
    public void TryGetKey_AnyManufacturerSlot_MatchesIdButExactWins()
    {
        var store = new MeterKeyStore(4);
        store.Set(MeterKeyStore.AnyManufacturer, 7, Key(1), 0);
        store.Set(Kamstrup, 7, Key(2), 0);
        var key = new byte[16];
        Assert.True(store.TryGetKey(Other, 7, key, 0));
        Assert.Equal(Key(1), key);
        Assert.True(store.TryGetKey(Kamstrup, 7, key, 0));
        Assert.Equal(Key(2), key);
    }

    [Fact]
    public void Remove_MiddleSlot_OthersStillFound()
    {
        var store = new MeterKeyStore(3);
        store.Set(Kamstrup, 1, Key(1), 0);
        store.Set(Kamstrup, 2, Key(2), 0);
        store.Set(Kamstrup, 3, Key(3), 0);
        Assert.True(store.Remove(Kamstrup, 1));
        Assert.False(store.Remove(Kamstrup, 1));
        var key = new byte[16];
        Assert.True(store.TryGetKey(Kamstrup, 3, key, 0));
        Assert.Equal(Key(3), key);
        Assert.True(store.TryGetKey(Kamstrup, 2, key, 0));
        Assert.Equal(2, store.Count);
        Assert.True(store.Set(Kamstrup, 4, Key(4), 0));
    }

    [Fact]
    public void Clear_WithKeys_Empty()
    {
        var store = new MeterKeyStore(2);
        store.Set(Kamstrup, 1, Key(1), 0);
        store.Clear();
        Assert.Equal(0, store.Count);
        Assert.False(store.Contains(Kamstrup, 1));
    }
}
