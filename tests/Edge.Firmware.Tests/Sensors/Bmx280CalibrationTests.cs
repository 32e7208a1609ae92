using Edge.Firmware.Sensors;

namespace Edge.Firmware.Tests.Sensors;

public class Bmx280CalibrationTests
{
    // ../shared/conformance/sensors.md, "BMP280 / BME280": the Bosch datasheet's compensation example.
    private static Bmx280Calibration Example() => new()
    {
        T1 = 27504, T2 = 26435, T3 = -1000,
        P1 = 36477, P2 = -10685, P3 = 3024, P4 = 2855, P5 = 140, P6 = -7, P7 = 15500, P8 = -14600, P9 = 6000,
    };

    [Fact]
    public void TemperatureFine_DatasheetExample_Is128422()
    {
        var tFine = Example().TemperatureFine(519888);
        Assert.Equal(128422, tFine);
        Assert.Equal(2508, Bmx280Calibration.TemperatureCentiC(tFine));
    }

    [Fact]
    public void PressureQ8_DatasheetExample_Is25767233()
    {
        var c = Example();
        var q8 = c.PressureQ8(415148, c.TemperatureFine(519888));
        Assert.Equal(25767233, q8);
        Assert.Equal(100653.25, q8 / 256.0, 2);
    }

    [Fact]
    public void IntegerPath_DatasheetExample_AgreesWithDoublePath()
    {
        // sensors.md double path: T 25.082478 °C, P 100653.27 Pa.
        var c = Example();
        var tFine = c.TemperatureFine(519888);
        Assert.InRange(Bmx280Calibration.TemperatureCentiC(tFine) / 100.0, 25.08 - 0.01, 25.082478);
        Assert.InRange(c.PressureQ8(415148, tFine) / 256.0, 100653.27 - 0.1, 100653.27 + 0.1);
    }

    [Fact]
    public void PressureQ8_ZeroP1_ReturnsZeroInsteadOfDividing()
    {
        var c = Example();
        c.P1 = 0;
        Assert.Equal(0, c.PressureQ8(415148, 128422));
    }

    [Theory]
    [InlineData(519888, 415148)]
    [InlineData(400000, 300000)]
    [InlineData(600000, 500000)]
    [InlineData(480000, 350000)]
    public void Compensation_AcrossRange_MatchesDatasheetDoubleFormulas(int adcT, int adcP)
    {
        // Independent reference: the datasheet's floating-point formulas (BMP280 §8.1), written out here.
        var c = Example();
        var var1 = ((adcT / 16384.0) - (c.T1 / 1024.0)) * c.T2;
        var d = (adcT / 131072.0) - (c.T1 / 8192.0);
        var tFineD = var1 + (d * d * c.T3);
        var p1 = (tFineD / 2.0) - 64000.0;
        var p2 = (p1 * p1 * c.P6 / 32768.0) + (p1 * c.P5 * 2.0);
        p2 = (p2 / 4.0) + (c.P4 * 65536.0);
        p1 = ((c.P3 * p1 * p1 / 524288.0) + (c.P2 * p1)) / 524288.0;
        p1 = (1.0 + (p1 / 32768.0)) * c.P1;
        var p = (1048576.0 - adcP - (p2 / 4096.0)) * 6250.0 / p1;
        p += ((c.P9 * p * p / 2147483648.0) + (p * c.P8 / 32768.0) + c.P7) / 16.0;

        var tFine = c.TemperatureFine(adcT);
        Assert.InRange(Bmx280Calibration.TemperatureCentiC(tFine) / 100.0, (tFineD / 5120.0) - 0.011, (tFineD / 5120.0) + 0.011);
        Assert.InRange(c.PressureQ8(adcP, tFine) / 256.0, p - 1.0, p + 1.0);
    }

    [Theory]
    [InlineData(30000)]
    [InlineData(26000)]
    [InlineData(22000)]
    public void HumidityQ10_MatchesDatasheetDoubleFormula(int adcH)
    {
        var c = Example();
        c.H1 = 75;
        c.H2 = 362;
        c.H3 = 0;
        c.H4 = 313;
        c.H5 = 50;
        c.H6 = 30;
        var tFine = c.TemperatureFine(519888);

        // BME280 §8.1, double: var_H with the H1..H6 trimming.
        var h = tFine - 76800.0;
        h = (adcH - ((c.H4 * 64.0) + (c.H5 / 16384.0 * h))) * (c.H2 / 65536.0 * (1.0 + (c.H6 / 67108864.0 * h * (1.0 + (c.H3 / 67108864.0 * h)))));
        h *= 1.0 - (c.H1 * h / 524288.0);
        h = Math.Clamp(h, 0, 100);

        Assert.InRange(c.HumidityQ10(adcH, tFine) / 1024.0, h - 0.01, h + 0.01);
    }

    [Fact]
    public void ReadHumidity_PackedRegisters_UnpacksSigned12BitH4H5()
    {
        // 0xE4 = 0x80, 0xE5 = 0x3F, 0xE6 = 0xFF: H4 = (-128·16) | 0xF = -2033, H5 = (-1·16) | 0x3 = -13.
        var c = new Bmx280Calibration();
        c.ReadHumidity(75, [0x6A, 0x01, 0x00, 0x80, 0x3F, 0xFF, 0xE2], 0);
        Assert.Equal(75, c.H1);
        Assert.Equal(362, c.H2);
        Assert.Equal(-2033, c.H4);
        Assert.Equal(-13, c.H5);
        Assert.Equal(-30, c.H6);
    }
}
