using System.Text;
using Microsoft.Data.Sqlite;

namespace Edge.Gateway.Store;

/// <summary>
/// Keeps the per-class byte estimate (<c>usage</c> table; <see cref="StoreSchema.ReadingBytes"/>,
/// <see cref="StoreSchema.EventBytes"/>) exact in every transaction that adds or removes readings or events.
/// A writer sums, per class, the estimate of the rows it actually inserted or deleted and applies it with one
/// UPDATE per class before its commit: the same totals per-row triggers would keep, at a fraction of the cost.
/// </summary>
internal sealed class StoreUsage
{
    private readonly long[] _delta = new long[4];

    /// <summary><see cref="StoreSchema.ReadingBytes"/> of a row, computed from the record that is bound to it.</summary>
    public static long ReadingBytes(ReadingRecord r) => 96 + (2 * TextBytes(r.Device)) + TextBytes(r.Channel) + TextBytes(r.Unit);

    /// <summary><see cref="StoreSchema.EventBytes"/> of a row, computed from the record that is bound to it.</summary>
    public static long EventBytes(EventRecord e) =>
        64 + (2 * TextBytes(e.Device)) + TextBytes(e.Kind) + (e.Detail is null ? 0 : TextBytes(e.Detail));

    /// <summary>Counts <paramref name="bytes"/> more (or, negative, fewer) for <paramref name="dataClass"/>.</summary>
    public void Add(DataClass dataClass, long bytes)
    {
        // Like the trigger's UPDATE ... WHERE class = NEW.class: a class without a usage row counts nowhere.
        if ((uint)dataClass < (uint)_delta.Length)
        {
            _delta[(int)dataClass] += bytes;
        }
    }

    /// <summary>Writes the summed changes into the usage table (in the caller's transaction) and clears them.</summary>
    public void Apply(SqliteConnection connection, SqliteTransaction tx)
    {
        SqliteCommand? update = null;
        try
        {
            for (var c = 0; c < _delta.Length; c++)
            {
                if (_delta[c] == 0)
                {
                    continue;
                }

                if (update is null)
                {
                    update = connection.CreateCommand();
                    update.Transaction = tx;
                    update.CommandText = "UPDATE usage SET bytes = bytes + $delta WHERE class = $class";
                    update.Parameters.Add("$delta", SqliteType.Integer);
                    update.Parameters.Add("$class", SqliteType.Integer);
                }

                update.Parameters[0].Value = _delta[c];
                update.Parameters[1].Value = c;
                update.ExecuteNonQuery();
                _delta[c] = 0;
            }
        }
        finally
        {
            update?.Dispose();
        }
    }

    /// <summary>
    /// Subtracts, per class, the estimate of every reading and event of batch <paramref name="sequence"/>;
    /// call it in the transaction that deletes them, before the deletes.
    /// </summary>
    public static void RemoveBatch(SqliteConnection connection, SqliteTransaction tx, long sequence)
    {
        using var update = connection.CreateCommand();
        update.Transaction = tx;
        update.CommandText = $"""
            UPDATE usage SET bytes = usage.bytes - d.removed
            FROM (SELECT class, sum(b) AS removed FROM (
                    SELECT r.class, {StoreSchema.ReadingBytes("r")} AS b FROM readings r WHERE r.batch_seq = $seq
                    UNION ALL
                    SELECT e.class, {StoreSchema.EventBytes("e")} FROM events e WHERE e.batch_seq = $seq)
                  GROUP BY class) AS d
            WHERE usage.class = d.class
            """;
        update.Parameters.AddWithValue("$seq", sequence);
        update.ExecuteNonQuery();
    }

    /// <summary>
    /// <c>length(CAST(text AS BLOB))</c> of a bound string: its UTF-8 bytes, as the binding encodes them (lone
    /// surrogates become U+FFFD; an embedded NUL is kept). StoreUsageTests checks both against SQLite.
    /// </summary>
    private static long TextBytes(string text) => Encoding.UTF8.GetByteCount(text);
}
