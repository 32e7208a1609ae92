using System.Globalization;
using System.Text.Json;
using Edge.Firmware.MBus;
using Edge.Firmware.Tests.Conformance;

namespace Edge.Firmware.Tests.MBus;

/// <summary>
/// The manufacturer layouts of MBus/Manufacturers against the corpus (wmbusmeters driver tests): identity,
/// status and the refusals that keep a wrong value out; expected values are the corpus's.
/// </summary>
public sealed class ManufacturerFormatsTests
{
    [ConformanceFact]
    public void TryDecode_DiehlPriosAndRealData_IdentityFromSwappedAddress()
    {
        // PRIOS (DME) and real data (HYD) frames send version, type, id in the A field; SAP PRIOS a 5-byte serial.
        foreach (var source in new[] { "src/driver_izar.cc#telegram2", "drivers/src/hydrus.xmq#test5", "src/driver_izar.cc#telegram1" })
        {
            var x = Line(source);
            var t = Decode(x, key: null);

            Assert.True(t.Ok, $"{source}: {t.Error}");
            Assert.Equal(x.GetProperty("expected").GetProperty("id").GetString(), t.Id);
            Assert.True(MBusDeviceType.IsWater(t.DeviceType));
        }
    }

    [ConformanceFact]
    public void TryDecode_DiehlPriosWithWrongOwnKey_Refused()
    {
        var t = Decode(Line("src/driver_izar.cc#telegram2"), key: new byte[16]);

        Assert.False(t.Ok);
        Assert.Contains("does not unscramble", t.Error, StringComparison.Ordinal);
    }

    [ConformanceFact]
    public void TryDecode_DiehlPriosAlarms_LeakAndBlockedAsFlags()
    {
        // izar telegram1: current alarms "meter_blocked,underflow"; telegram6 (HYD): only a previous leak.
        var blocked = Decode(Line("src/driver_izar.cc#telegram1"), key: null);
        var previousLeak = Decode(Line("src/driver_izar.cc#telegram6"), key: null);

        Assert.Equal(MeterStatusFlags.ApplicationError, blocked.MeterFlags);
        Assert.Equal(0, previousLeak.MeterFlags);
        Assert.Equal(9m, Register(previousLeak, MBusQuantity.RemainingBatteryLife));
    }

    [ConformanceFact]
    public void TryDecode_Apator162WithEditedTotal_ChecksumRefusesIt()
    {
        // apator162 test16 is test15 with the volume register edited by hand (0x55AA -> 0x66AA), checksum unchanged.
        var good = Decode(Line("drivers/src/apator162.xmq#test15"), key: null);
        var edited = Decode(Line("drivers/src/apator162.xmq#test16"), key: null);

        Assert.True(good.Ok, good.Error);
        Assert.False(edited.Ok);
        Assert.Contains("checksum mismatch", edited.Error, StringComparison.Ordinal);
    }

    [ConformanceFact]
    public void TryDecode_ApatorNa1WithoutKey_KeyRequired()
    {
        var t = Decode(Line("drivers/src/apatorna1.xmq#test1"), key: null);

        Assert.False(t.Ok);
        Assert.Equal("encrypted payload (Apator NA-1), key required", t.Error);
    }

    [ConformanceFact]
    public void TryDecode_ApatorNa1_MeterTimeFromSecondsSince2000()
    {
        var x = Line("drivers/src/apatorna1.xmq#test1");
        var t = Decode(x, MBusTestText.Hex(x.GetProperty("key").GetString()!));

        Assert.True(t.Ok, t.Error);
        var time = Enumerable.Range(0, t.RecordCount).Select(t.GetRecord).Single(r => r.Kind == MBusValueKind.DateTime);
        Assert.StartsWith(x.GetProperty("expected").GetProperty("meter_datetime").GetString()!.Replace(' ', 'T'), MBusTestText.Date(time), StringComparison.Ordinal);
    }

    [ConformanceFact]
    public void TryDecode_Zenner0BStatus_KeptAsManufacturerStatus()
    {
        // zenner0b test2: status "STATUS_1BBF80", i.e. the 32-bit status word 0x001BBF80.
        var t = Decode(Line("drivers/src/zenner0b.xmq#test2"), key: null);

        Assert.True(t.Ok, t.Error);
        Assert.Equal(0x1BBF80, t.ManufacturerStatus);
        Assert.Equal(MeterStatusFlags.Unknown, t.MeterFlags);
    }

    [ConformanceFact]
    public void TryDecode_QundisWalkBy_BillingDateVolumesToo()
    {
        var x = Line("drivers/src/qwaterv2.xmq#test2");
        var expected = x.GetProperty("expected");
        var t = Decode(x, key: null);

        Assert.True(t.Ok, t.Error);
        Assert.Equal(Number(expected, "target_year_m3"), Volume(t, 1));
        Assert.Equal(Number(expected, "target_m3"), Volume(t, 17));
    }

    [ConformanceFact]
    public void TryDecode_ManufacturerRecords_MarkedAsSuch()
    {
        var t = Decode(Line("drivers/src/zenner0b.xmq#test1"), key: null);

        Assert.True(t.Ok, t.Error);
        Assert.Equal("Zenner 0x0B manufacturer data", t.ManufacturerFormat);
        Assert.True(t.GetRecord(MBusWaterRegister.Find(t)).FromManufacturerData);
    }

    private static JsonElement Line(string source)
    {
        ConformanceCorpus.Require();
        return ConformanceCorpus.Lines("wmbus.jsonl").Single(x => x.GetProperty("source").GetString()!.EndsWith(":" + source, StringComparison.Ordinal));
    }

    private static MBusTelegram Decode(JsonElement x, byte[]? key)
    {
        var bytes = MBusTestText.Hex(x.GetProperty("hex").GetString()!);
        var t = new MBusTelegram();
        new WMBusDecoder { Cipher = new PortableWMBusCipher() }.TryDecode(bytes, 0, bytes.Length, key, t);
        return t;
    }

    private static decimal Number(JsonElement expected, string name) =>
        decimal.Parse(expected.GetProperty(name).GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static decimal Volume(MBusTelegram t, int storage) =>
        MBusTestText.Exact(Enumerable.Range(0, t.RecordCount).Select(t.GetRecord).Single(r => r.Quantity == MBusQuantity.Volume && r.StorageNumber == storage));

    private static decimal Register(MBusTelegram t, string quantity) =>
        MBusTestText.Exact(Enumerable.Range(0, t.RecordCount).Select(t.GetRecord).Single(r => r.Quantity == quantity));
}
