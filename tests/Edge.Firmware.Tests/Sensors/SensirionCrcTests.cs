using System.Globalization;
using System.Text.RegularExpressions;
using Edge.Firmware.Sensors;
using Edge.Firmware.Tests.Conformance;

namespace Edge.Firmware.Tests.Sensors;

public class SensirionCrcTests
{
    // ../shared/conformance/sensors.md, "Sensirion CRC-8"; 0xBEEF -> 0x92 is the datasheets' own example.
    [Theory]
    [InlineData(0xBE, 0xEF, 0x92)]
    [InlineData(0x00, 0x00, 0x81)]
    [InlineData(0xFF, 0xFF, 0xAC)]
    [InlineData(0x01, 0xF4, 0x33)]
    [InlineData(0x66, 0x67, 0xA2)]
    [InlineData(0x5E, 0xB9, 0x3C)]
    public void Compute_DatasheetVectors_Match(int hi, int lo, int crc)
    {
        var data = new[] { (byte)hi, (byte)lo };
        Assert.Equal(crc, SensirionCrc.Compute(data, 0, 2));
        Assert.Equal(crc, SensirionCrc.ComputeWord((hi << 8) | lo));
        Assert.True(SensirionCrc.CheckWord([(byte)hi, (byte)lo, (byte)crc], 0));
        Assert.False(SensirionCrc.CheckWord([(byte)hi, (byte)lo, (byte)(crc ^ 1)], 0));
    }

    [ConformanceFact]
    public void Compute_EveryRowOfTheCorpusTable_Matches()
    {
        ConformanceCorpus.Require();
        var text = File.ReadAllText(Path.Combine(ConformanceCorpus.Directory, "sensors.md"));
        var rows = Regex.Matches(text, @"^\| ([0-9A-F]{2}) ([0-9A-F]{2}) \| ([0-9A-F]{2}) \|$", RegexOptions.Multiline);
        Assert.True(rows.Count >= 6, "CRC table not found in sensors.md");
        foreach (Match row in rows)
        {
            var data = new[] { Hex(row.Groups[1].Value), Hex(row.Groups[2].Value) };
            Assert.Equal(Hex(row.Groups[3].Value), SensirionCrc.Compute(data, 0, 2));
        }
    }

    [Fact]
    public void ComputeWord_EveryWord_EqualsPolynomialDivision()
    {
        // Independent reference: the CRC as the remainder of (word XOR init·x⁸) · x⁸ divided by 0x131.
        for (var word = 0; word <= 0xFFFF; word += 7)
        {
            var dividend = (word ^ 0xFF00) << 8;
            for (var bit = 23; bit >= 8; bit--)
            {
                if ((dividend & (1 << bit)) != 0)
                {
                    dividend ^= 0x131 << (bit - 8);
                }
            }

            Assert.Equal(dividend, SensirionCrc.ComputeWord(word));
        }
    }

    [Fact]
    public void WriteWord_ThenCheckWord_RoundTrips()
    {
        var buffer = new byte[4];
        SensirionCrc.WriteWord(buffer, 1, 0xBEEF);
        Assert.Equal(new byte[] { 0, 0xBE, 0xEF, 0x92 }, buffer);
        Assert.True(SensirionCrc.CheckWord(buffer, 1));
    }

    private static byte Hex(string s) => byte.Parse(s, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
