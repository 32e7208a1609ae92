namespace Edge.Ingest.Registry;

/// <summary>The areas devices may be registered in, by JIS X 0402 code, with their names.</summary>
public sealed class AreaCatalog
{
    private readonly Dictionary<string, string> _names;

    /// <summary>Creates a catalog of 5-digit codes and names.</summary>
    public AreaCatalog(IEnumerable<KeyValuePair<string, string>> areas)
    {
        _names = new Dictionary<string, string>(areas, StringComparer.Ordinal);
    }

    /// <summary>
    /// Tokyo's 62 municipalities: the 23 special wards (13101-13123), 26 cities (13201-13229), and the towns and
    /// villages of Nishitama and the islands (13303-13421), as in the JIS X 0402 / MIC code list.
    /// </summary>
    public static AreaCatalog Tokyo { get; } = new(new Dictionary<string, string>
    {
        ["13101"] = "千代田区", ["13102"] = "中央区", ["13103"] = "港区", ["13104"] = "新宿区", ["13105"] = "文京区",
        ["13106"] = "台東区", ["13107"] = "墨田区", ["13108"] = "江東区", ["13109"] = "品川区", ["13110"] = "目黒区",
        ["13111"] = "大田区", ["13112"] = "世田谷区", ["13113"] = "渋谷区", ["13114"] = "中野区", ["13115"] = "杉並区",
        ["13116"] = "豊島区", ["13117"] = "北区", ["13118"] = "荒川区", ["13119"] = "板橋区", ["13120"] = "練馬区",
        ["13121"] = "足立区", ["13122"] = "葛飾区", ["13123"] = "江戸川区",
        ["13201"] = "八王子市", ["13202"] = "立川市", ["13203"] = "武蔵野市", ["13204"] = "三鷹市", ["13205"] = "青梅市",
        ["13206"] = "府中市", ["13207"] = "昭島市", ["13208"] = "調布市", ["13209"] = "町田市", ["13210"] = "小金井市",
        ["13211"] = "小平市", ["13212"] = "日野市", ["13213"] = "東村山市", ["13214"] = "国分寺市", ["13215"] = "国立市",
        ["13218"] = "福生市", ["13219"] = "狛江市", ["13220"] = "東大和市", ["13221"] = "清瀬市", ["13222"] = "東久留米市",
        ["13223"] = "武蔵村山市", ["13224"] = "多摩市", ["13225"] = "稲城市", ["13227"] = "羽村市", ["13228"] = "あきる野市",
        ["13229"] = "西東京市",
        ["13303"] = "瑞穂町", ["13305"] = "日の出町", ["13307"] = "檜原村", ["13308"] = "奥多摩町",
        ["13361"] = "大島町", ["13362"] = "利島村", ["13363"] = "新島村", ["13364"] = "神津島村",
        ["13381"] = "三宅村", ["13382"] = "御蔵島村", ["13401"] = "八丈町", ["13402"] = "青ヶ島村", ["13421"] = "小笠原村",
    });

    /// <summary>Number of areas.</summary>
    public int Count => _names.Count;

    /// <summary>Whether <paramref name="area"/> is in the catalog.</summary>
    public bool Contains(AreaCode area) => area.Code is not null && _names.ContainsKey(area.Code);

    /// <summary>The name of <paramref name="area"/>, or null when it is not in the catalog.</summary>
    public string? NameOf(AreaCode area) => area.Code is not null && _names.TryGetValue(area.Code, out var name) ? name : null;
}
