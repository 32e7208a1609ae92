namespace Edge.Ingest.Normalisation;

/// <summary>The SenML units the ingest accepts and their canonical SI units.</summary>
public sealed class UnitCatalog
{
    private readonly Dictionary<string, UnitConversion> _bySenmlUnit;

    /// <summary>Creates a catalog of the given conversions.</summary>
    public UnitCatalog(IEnumerable<UnitConversion> conversions)
    {
        // SenML unit symbols are case-sensitive (RFC 8428 §4.5.3), so the lookup is ordinal.
        _bySenmlUnit = conversions.ToDictionary(c => c.SenmlUnit, StringComparer.Ordinal);
    }

    /// <summary>
    /// Water volume: litre and cubic metre (RFC 8428 §12.1 symbols <c>l</c> and <c>m3</c>) to cubic metre,
    /// UN/CEFACT Rec 20 code <c>MTQ</c>.
    /// </summary>
    public static UnitCatalog Default { get; } = new(
    [
        new UnitConversion("l", "m3", "MTQ", -3),
        new UnitConversion("m3", "m3", "MTQ", 0),
    ]);

    /// <summary>The accepted SenML units, sorted, for error messages.</summary>
    public IReadOnlyList<string> SenmlUnits => [.. _bySenmlUnit.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Finds the conversion of a SenML unit.</summary>
    public bool TryGet(string senmlUnit, out UnitConversion conversion) =>
        _bySenmlUnit.TryGetValue(senmlUnit, out conversion!);
}
