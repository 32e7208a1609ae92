namespace Edge.Gateway.Store;

/// <summary>Rows dropped by eviction or expiry, by kind; each drop was reported by a gap record.</summary>
/// <param name="Readings">Readings deleted.</param>
/// <param name="Events">Events deleted.</param>
internal readonly record struct DropResult(int Readings, int Events)
{
    public static DropResult operator +(DropResult a, DropResult b) => new(a.Readings + b.Readings, a.Events + b.Events);

    /// <summary>Adds rows deleted from <paramref name="table"/>.</summary>
    public DropResult Add(string table, int rows) => table == "events" ? this with { Events = Events + rows } : this with { Readings = Readings + rows };
}
