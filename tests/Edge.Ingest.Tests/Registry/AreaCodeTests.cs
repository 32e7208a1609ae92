using Edge.Ingest.Registry;

namespace Edge.Ingest.Tests.Registry;

public sealed class AreaCodeTests
{
    // Six-digit codes from the MIC / JIS X 0402 list. Hand check for Chiyoda 13101: 1×6 + 3×5 + 1×4 + 0×3 + 1×2 = 27,
    // 27 mod 11 = 5, 11 − 5 = 6 → 131016. Shinjuku 13104: 33 mod 11 = 0, 11 − 0 = 11 → last digit 1 → 131041.
    [Theory]
    [InlineData("13101", '6')]  // 千代田区
    [InlineData("13104", '1')]  // 新宿区
    [InlineData("13112", '1')]  // 世田谷区
    [InlineData("13201", '2')]  // 八王子市
    [InlineData("13421", '0')]  // 小笠原村: 45 mod 11 = 1, 11 − 1 = 10 → 0
    public void CheckDigit_TokyoMunicipality_AsInTheCodeList(string code, char expected)
    {
        Assert.Equal(expected, AreaCode.CheckDigit(code));
    }

    [Theory]
    [InlineData("13101")]
    [InlineData("131016")]
    public void TryParse_FiveOrValidSixDigits_FiveDigitCode(string text)
    {
        Assert.True(AreaCode.TryParse(text, out var area, out _));
        Assert.Equal(("13101", "131016", "13"), (area.Code, area.WithCheckDigit, area.Prefecture));
    }

    [Fact]
    public void TryParse_WrongCheckDigit_ErrorNamesTheValidCode()
    {
        Assert.False(AreaCode.TryParse("131017", out _, out var error));
        Assert.Contains("131016 would be valid", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1310")]
    [InlineData("1310A")]
    [InlineData("1310160")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_NotFiveOrSixDigits_False(string? text)
    {
        Assert.False(AreaCode.TryParse(text, out _, out var error));
        Assert.Contains("5 digits, or 6 with the check digit", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Tokyo_Catalog_62MunicipalitiesAllInPrefecture13()
    {
        // 23 special wards + 26 cities + 5 towns + 8 villages (MIC code list, Tokyo).
        Assert.Equal(62, AreaCatalog.Tokyo.Count);
        Assert.Equal("千代田区", AreaCatalog.Tokyo.NameOf(AreaCode.Parse("131016")));
        Assert.Equal("小笠原村", AreaCatalog.Tokyo.NameOf(AreaCode.Parse("13421")));
        Assert.False(AreaCatalog.Tokyo.Contains(AreaCode.Parse("13216")));  // 13216 is not assigned
        Assert.False(AreaCatalog.Tokyo.Contains(AreaCode.Parse("14101")));  // Yokohama Tsurumi, Kanagawa
        Assert.False(AreaCatalog.Tokyo.Contains(default));
    }
}
