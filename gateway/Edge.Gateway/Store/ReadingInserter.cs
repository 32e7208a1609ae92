using Microsoft.Data.Sqlite;

namespace Edge.Gateway.Store;

/// <summary>
/// Inserts readings in the caller's transaction with one prepared <c>INSERT OR IGNORE</c> (prepared once per
/// transaction, its parameters reused for every row); UNIQUE(device, seq) drops repeats. Counts the estimate
/// of every row it actually stored into a <see cref="StoreUsage"/>.
/// </summary>
internal sealed class ReadingInserter : IDisposable
{
    private readonly SqliteCommand _insert;
    private readonly SqliteParameter _device;
    private readonly SqliteParameter _seq;
    private readonly SqliteParameter _channel;
    private readonly SqliteParameter _unit;
    private readonly SqliteParameter _mantissa;
    private readonly SqliteParameter _scale;
    private readonly SqliteParameter _observed;
    private readonly SqliteParameter _quality;
    private readonly SqliteParameter _flags;
    private readonly SqliteParameter _received;
    private readonly SqliteParameter _class;
    private readonly SqliteParameter _deviceTime;

    public ReadingInserter(SqliteConnection connection, SqliteTransaction tx)
    {
        _insert = connection.CreateCommand();
        _insert.Transaction = tx;
        _insert.CommandText = """
            INSERT OR IGNORE INTO readings
                (device, seq, channel, unit, mantissa, scale, observed_ms, clock_quality, flags, received_ms, class, device_ms, batch_seq)
            VALUES ($device, $seq, $channel, $unit, $mantissa, $scale, $observed, $quality, $flags, $received, $class, $deviceTime, NULL)
            """;
        _device = _insert.Parameters.Add("$device", SqliteType.Text);
        _seq = _insert.Parameters.Add("$seq", SqliteType.Integer);
        _channel = _insert.Parameters.Add("$channel", SqliteType.Text);
        _unit = _insert.Parameters.Add("$unit", SqliteType.Text);
        _mantissa = _insert.Parameters.Add("$mantissa", SqliteType.Integer);
        _scale = _insert.Parameters.Add("$scale", SqliteType.Integer);
        _observed = _insert.Parameters.Add("$observed", SqliteType.Integer);
        _quality = _insert.Parameters.Add("$quality", SqliteType.Integer);
        _flags = _insert.Parameters.Add("$flags", SqliteType.Integer);
        _received = _insert.Parameters.Add("$received", SqliteType.Integer);
        _class = _insert.Parameters.Add("$class", SqliteType.Integer);
        _deviceTime = _insert.Parameters.Add("$deviceTime", SqliteType.Integer);
        _insert.Prepare();
    }

    /// <summary>Inserts the readings; returns how many were new (the rest were already stored).</summary>
    public int Insert(IReadOnlyList<ReadingRecord> readings, StoreUsage usage)
    {
        var stored = 0;
        for (var i = 0; i < readings.Count; i++)
        {
            var r = readings[i];
            _device.Value = r.Device;
            _seq.Value = r.Seq;
            _channel.Value = r.Channel;
            _unit.Value = r.Unit;
            _mantissa.Value = r.Mantissa;
            _scale.Value = r.Scale;
            _observed.Value = r.ObservedUnixMs;
            _quality.Value = (int)r.ClockQuality;
            _flags.Value = r.Flags;
            _received.Value = r.ReceivedUnixMs;
            _class.Value = (int)r.Class;
            _deviceTime.Value = r.DeviceUnixMs is { } deviceMs ? deviceMs : DBNull.Value;
            if (_insert.ExecuteNonQuery() == 1)
            {
                stored++;
                usage.Add(r.Class, StoreUsage.ReadingBytes(r));
            }
        }

        return stored;
    }

    public void Dispose() => _insert.Dispose();
}
