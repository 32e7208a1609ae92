namespace Edge.Gateway.Store;

/// <content>Reading a cut batch back, in a stable order.</content>
internal sealed partial class BatchLedger
{
    /// <summary>The readings of a batch in a stable order (device, channel, unit, seq).</summary>
    public List<ReadingRecord> ReadBatch(long sequence) => ReadContent(sequence).Readings.ToList();

    /// <summary>Everything a batch carries: readings (device, channel, unit, seq), events (device, seq, kind), gaps (id).</summary>
    public BatchContent ReadContent(long sequence)
    {
        using var connection = database.Open();
        var seq = ("$seq", (object)sequence);
        var readings = StoreRows.Query(
            connection, $"SELECT {StoreRows.ReadingColumns} FROM readings WHERE batch_seq = $seq ORDER BY device, channel, unit, seq",
            r => StoreRows.Reading(r, 0), seq);
        var events = StoreRows.Query(
            connection, $"SELECT {StoreRows.EventColumns} FROM events WHERE batch_seq = $seq ORDER BY device, seq, kind",
            r => StoreRows.Event(r, 0), seq);
        var gaps = StoreRows.Query(
            connection, $"SELECT {StoreRows.GapColumns} FROM gaps WHERE batch_seq = $seq ORDER BY id",
            r => StoreRows.Gap(r, 0), seq);
        return new BatchContent(readings, events, gaps);
    }
}
