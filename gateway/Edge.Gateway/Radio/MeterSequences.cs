using System.Security.Cryptography;
using Edge.Gateway.Store;
using Microsoft.Data.Sqlite;

namespace Edge.Gateway.Radio;

/// <summary>
/// Sequence numbers for meters the gateway reads itself (they have none of their own that is unique for ever: the
/// wM-Bus access number wraps at 256 and restarts with the battery). A meter's first telegram in this store gets
/// seq = the gateway's receive time in Unix milliseconds, every later one the previous + 1; the last seq is saved
/// in <c>meter_seqs</c> in the same transaction as the reading, so a restart continues where the store is. Starting
/// at the receive time means a store that replaced a corrupt one never reuses a seq the old one sent (a meter sends
/// far less than one telegram per millisecond). A telegram with the same access number and the same bytes as the
/// meter's previous one is a repetition (radio meters send each telegram more than once; two receivers hear it
/// twice) and gets no seq.
/// </summary>
internal sealed class MeterSequences(GatewayDatabase database)
{
    private readonly Lock _lock = new();
    private Dictionary<string, MeterSequenceState>? _states;

    /// <summary>64-bit digest of a telegram's bytes.</summary>
    public static long Digest(ReadOnlySpan<byte> telegram) => BitConverter.ToInt64(SHA256.HashData(telegram), 0);

    /// <summary>
    /// The next state for <paramref name="device"/>, or null when the telegram repeats the previous one and
    /// <paramref name="dedupe"/> is set. The in-memory state advances at once (a second receiver's copy in flight is a
    /// duplicate); the store persists it with the reading.
    /// </summary>
    public MeterSequenceState? Next(string device, int accessNumber, long digest, long receivedUnixMs, bool dedupe)
    {
        lock (_lock)
        {
            _states ??= Load();
            if (_states.TryGetValue(device, out var last))
            {
                if (dedupe && last.LastAccess == accessNumber && last.LastDigest == digest)
                {
                    return null;
                }

                var next = new MeterSequenceState(device, last.LastSeq + 1, accessNumber, digest);
                _states[device] = next;
                return next;
            }

            var first = new MeterSequenceState(device, Math.Max(1, receivedUnixMs), accessNumber, digest);
            _states[device] = first;
            return first;
        }
    }

    /// <summary>Saves <paramref name="state"/> in the reading's transaction; never moves a meter's seq backwards.</summary>
    public static void Save(SqliteConnection connection, SqliteTransaction tx, MeterSequenceState state)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = """
            INSERT INTO meter_seqs (device, last_seq, last_access, last_digest) VALUES ($device, $seq, $access, $digest)
                ON CONFLICT (device) DO UPDATE SET last_seq = excluded.last_seq, last_access = excluded.last_access, last_digest = excluded.last_digest
                WHERE excluded.last_seq > meter_seqs.last_seq
            """;
        command.Parameters.AddWithValue("$device", state.Device);
        command.Parameters.AddWithValue("$seq", state.LastSeq);
        command.Parameters.AddWithValue("$access", state.LastAccess);
        command.Parameters.AddWithValue("$digest", state.LastDigest);
        command.ExecuteNonQuery();
    }

    private Dictionary<string, MeterSequenceState> Load()
    {
        database.Initialize();
        using var connection = database.Open();
        var rows = StoreRows.Query(
            connection,
            "SELECT device, last_seq, last_access, last_digest FROM meter_seqs",
            r => new MeterSequenceState(r.GetString(0), r.GetInt64(1), (int)r.GetInt64(2), r.GetInt64(3)));
        return rows.ToDictionary(s => s.Device, StringComparer.Ordinal);
    }
}
