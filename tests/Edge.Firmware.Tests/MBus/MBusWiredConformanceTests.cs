using System.Globalization;
using System.Text.Json;
using Edge.Firmware.MBus;
using Edge.Firmware.Tests.Conformance;

namespace Edge.Firmware.Tests.MBus;

/// <summary>
/// libmbus test frames of mbus.jsonl: test frames decode to the expected records (quantity, unit, value,
/// storage, tariff, subunit, function); error and unsupported frames fail with a clear reason.
/// </summary>
public sealed class MBusWiredConformanceTests
{
    private const string File = "mbus.jsonl";

    public static TheoryData<int> Lines => ConformanceCorpus.LineNumbers(File);

    [ConformanceTheory]
    [MemberData(nameof(Lines))]
    public void TryDecode_MbusJsonlLine_MatchesExpected(int line)
    {
        var x = ConformanceCorpus.Line(File, line);
        var name = x.GetProperty("name").GetString();
        var category = x.GetProperty("category").GetString();
        var bytes = MBusTestText.TryHex(x.GetProperty("hex").GetString()!);
        var t = new MBusTelegram();
        var ok = bytes != null && new MBusWiredDecoder().TryDecode(bytes, 0, bytes.Length, t);
        if (name == "svm_f22_telegram2")
        {
            // libmbus files this under unsupported frames, but it is a well-formed long frame whose data starts
            // with DIF 0x1F (EN 13757-3 §6.3.2: manufacturer data, more records follow): we decode it as that.
            Assert.True(ok, t.Error);
            Assert.True(t.MoreRecordsFollow);
            Assert.Equal(MBusQuantity.ManufacturerData, t.GetRecord(t.RecordCount - 1).Quantity);
            return;
        }

        if (category != "test-frames")
        {
            Assert.False(ok, $"line {line} {name}: {category} frame decoded without error");
            Assert.True(bytes == null || t.Error!.Length > 10, $"line {line} {name}: error text too vague: {t.Error}");
            return;
        }

        if (name is "manual_frame2" or "sen_pollusonic_2")
        {
            // CI 0x73, the fixed data structure of EN 1434-3: libmbus gives raw counters with its unit words.
            Assert.True(ok, t.Error);
            AssertFixedRecords(t, x.GetProperty("expected_normalized"));
            return;
        }

        Assert.True(ok, $"line {line} {name}: {t.Error}");
        var expected = x.GetProperty("expected_normalized");
        var records = expected.GetProperty("records").EnumerateArray().ToArray();
        var problems = new List<string>();
        if (records.Length != t.RecordCount)
        {
            problems.Add($"record count {t.RecordCount}, expected {records.Length}");
        }

        for (var i = 0; i < Math.Min(records.Length, t.RecordCount); i++)
        {
            var problem = LibmbusRecord.Compare(t, t.GetRecord(i), records[i]);
            if (problem != null)
            {
                problems.Add($"record {i + 1}: {problem}");
            }
        }

        var slave = expected.GetProperty("slave");
        if (slave.TryGetProperty("Id", out var id))
        {
            var ours = t.Id.TrimStart('0');
            Assert.True(ours == id.GetString() || (ours.Length == 0 && id.GetString() == "0"), $"line {line} {name}: id {t.Id}, expected {id}");
        }

        if (slave.TryGetProperty("Manufacturer", out var man))
        {
            Assert.Equal(man.GetString(), t.Manufacturer);
        }

        if (slave.TryGetProperty("AccessNumber", out var acc))
        {
            Assert.Equal(int.Parse(acc.GetString()!, CultureInfo.InvariantCulture), t.AccessNumber);
        }

        Assert.True(problems.Count == 0, $"line {line} {name}:\n" + string.Join("\n", problems));
    }

    /// <summary>libmbus unit words of the fixed structure (its fixed unit table) as our quantity, unit and exponent.</summary>
    private static readonly Dictionary<string, (string Quantity, string Unit, int Exponent)> _fixedUnits = new()
    {
        ["l"] = (MBusQuantity.Volume, MBusUnit.CubicMetre, -3),
        ["kWh"] = (MBusQuantity.Energy, MBusUnit.WattHour, 3),
    };

    private static void AssertFixedRecords(MBusTelegram t, JsonElement expected)
    {
        var slave = expected.GetProperty("slave");
        Assert.Equal(slave.GetProperty("Id").GetString(), t.Id);
        Assert.Equal(int.Parse(slave.GetProperty("AccessNumber").GetString()!, CultureInfo.InvariantCulture), t.AccessNumber);
        Assert.Equal(slave.GetProperty("Medium").GetString()!.ToLowerInvariant(), MBusDeviceType.Name(t.DeviceType).Split(' ')[0]);
        var records = expected.GetProperty("records").EnumerateArray().ToArray();
        Assert.Equal(records.Length, t.RecordCount);
        for (var i = 0; i < records.Length; i++)
        {
            var e = records[i];
            var r = t.GetRecord(i);
            var unit = e.GetProperty("Unit").GetString()!;

            // "reserved but historic" is libmbus' word for unit code 0x3E: counter 1's unit, a stored value.
            var (quantity, ourUnit, exponent) = unit == "reserved but historic" ? _fixedUnits[records[0].GetProperty("Unit").GetString()!] : _fixedUnits[unit];
            Assert.Equal(unit == "reserved but historic" ? 1 : 0, r.StorageNumber);
            Assert.Equal("Actual value", e.GetProperty("Function").GetString());
            Assert.Equal((quantity, ourUnit, exponent), (r.Quantity, r.Unit, r.Exponent));
            Assert.Equal(long.Parse(e.GetProperty("Value").GetString()!, CultureInfo.InvariantCulture), r.Mantissa);
        }
    }

    [ConformanceFact]
    public void TryDecode_AllMbusJsonlLines_CountsReported()
    {
        ConformanceCorpus.Require();
        var lines = ConformanceCorpus.Lines(File);
        Assert.Equal(78, lines.Count);
    }
}
