using Edge.Ingest.Consumption;
using Edge.Ingest.Export;
using Edge.Ingest.Normalisation;
using Edge.Ingest.Normalisation.Registers;

namespace Edge.Ingest.Tests.Export;

public sealed class BillingCsvTests
{
    private static readonly DateTimeOffset Start = new(2026, 5, 31, 15, 0, 0, TimeSpan.Zero); // 1 June 00:00 JST
    private static readonly DateTimeOffset End = Start.AddDays(1);

    private static ConsumptionInterval Day(decimal? start, decimal? end, decimal? volume, QualityFlag quality, string? gap = null) =>
        new(Start, End, start is { } s ? new RegisterReading(Start, s) : null, end is { } e ? new RegisterReading(End, e) : null, volume, quality, gap);

    [Fact]
    public void ToCsv_GoodDayAndGap_HeaderAndCrlfLinesInTokyoTime()
    {
        BillingRow[] rows =
        [
            new("wm-1", Day(200.000m, 200.480m, 0.480m, QualityFlag.Good)),
            new("wm-2", Day(15.5m, null, null, QualityFlag.Good, "No register reading within 5 min of the end.")),
        ];

        var csv = BillingCsv.ToCsv(rows, TokyoTime.Zone);

        Assert.Equal(
            "meter_id,period_start,period_end,start_register_m3,end_register_m3,volume_m3,quality,quality_reason\r\n" +
            "wm-1,2026-06-01T00:00:00+09:00,2026-06-02T00:00:00+09:00,200.000,200.480,0.480,good,\r\n" +
            "wm-2,2026-06-01T00:00:00+09:00,2026-06-02T00:00:00+09:00,15.5,,,missing,No register reading within 5 min of the end.\r\n",
            csv);
    }

    [Fact]
    public void ToCsv_CommaAndQuoteInFields_QuotedWithDoubledQuotes()
    {
        BillingRow[] rows = [new("a,\"b\"", Day(1m, 2m, 1m, QualityFlag.Suspect("Rose by 1 m³, more than Q4 allows.")))];

        var line = BillingCsv.ToCsv(rows, TimeZoneInfo.Utc).Split("\r\n")[1];

        Assert.Equal("\"a,\"\"b\"\"\",2026-05-31T15:00:00+00:00,2026-06-01T15:00:00+00:00,1,2,1,suspect,\"Rose by 1 m³, more than Q4 allows.\"", line);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    [InlineData("cr\r", "\"cr\r\"")]
    [InlineData("", "")]
    public void Field_Rfc4180_QuotedOnlyWhenNeeded(string value, string expected)
    {
        Assert.Equal(expected, BillingCsv.Field(value));
    }

    [Fact]
    public void ToCsv_NegativeEstimatedVolume_SignedAndEstimated()
    {
        var line = BillingCsv.ToCsv([new BillingRow("wm-1", Day(10m, 9.99m, -0.01m, QualityFlag.Estimated("late")))], TokyoTime.Zone)
            .Split("\r\n")[1];

        Assert.EndsWith(",10,9.99,-0.01,estimated,late", line, StringComparison.Ordinal);
    }
}
