namespace Edge.Gateway.Links.Iridium;

/// <summary>
/// Puts batches back together from fragments (SBD-FRAGMENTS.md), per source (the modem's IMEI) and transfer id.
/// Fragments may come in any order and more than once; a duplicate is ignored. A transfer whose fragment count
/// changes (a new batch with the same transfer id) replaces the old partial; partials not fed for
/// <see cref="SbdReassemblerOptions.StaleAfter"/> are dropped. It keeps no memory of completed transfers: a batch
/// sent again completes again and the ingest's deduplication by batch id makes that harmless. Depends on nothing
/// but the BCL, so the cloud endpoint can host it. Thread-safe.
/// </summary>
public sealed class SbdReassembler(SbdReassemblerOptions options, TimeProvider time)
{
    private readonly Dictionary<(string Source, ushort TransferId), Partial> _partials = [];
    private readonly Lock _lock = new();

    /// <summary>Transfers completed.</summary>
    public long Completed { get; private set; }

    /// <summary>Fragments ignored because they were already held.</summary>
    public long Duplicates { get; private set; }

    /// <summary>Partial transfers dropped (stale, replaced, or over the per-source limit).</summary>
    public long Abandoned { get; private set; }

    /// <summary>Messages that were not fragments.</summary>
    public long Rejected { get; private set; }

    /// <summary>Partial transfers held now.</summary>
    public int PartialCount
    {
        get
        {
            lock (_lock)
            {
                return _partials.Count;
            }
        }
    }

    /// <summary>Takes one MO message from <paramref name="source"/>.</summary>
    public SbdReassemblyResult Accept(string source, ReadOnlyMemory<byte> message)
    {
        ArgumentNullException.ThrowIfNull(source);
        lock (_lock)
        {
            var now = time.GetUtcNow();
            PurgeStale(now);
            if (!SbdFragment.TryParse(message, out var fragment) || fragment is null)
            {
                Rejected++;
                return new SbdReassemblyResult(SbdReassemblyStatus.Rejected, 0);
            }

            var key = (source, fragment.TransferId);
            if (_partials.TryGetValue(key, out var partial) && partial.Parts.Length != fragment.Count)
            {
                _partials.Remove(key);
                Abandoned++;
                partial = null;
            }

            if (partial is null)
            {
                if (fragment.Count == 1)
                {
                    Completed++;
                    return new SbdReassemblyResult(SbdReassemblyStatus.Complete, fragment.TransferId, fragment.Payload.ToArray());
                }

                EnforceLimit(source);
                partial = new Partial(fragment.Count);
                _partials[key] = partial;
            }

            partial.LastFed = now;
            if (partial.Parts[fragment.Index] is not null)
            {
                Duplicates++;
                return new SbdReassemblyResult(SbdReassemblyStatus.Duplicate, fragment.TransferId);
            }

            partial.Parts[fragment.Index] = fragment.Payload.ToArray();
            partial.Received++;
            if (partial.Received < partial.Parts.Length)
            {
                return new SbdReassemblyResult(SbdReassemblyStatus.Incomplete, fragment.TransferId);
            }

            _partials.Remove(key);
            Completed++;
            return new SbdReassemblyResult(SbdReassemblyStatus.Complete, fragment.TransferId, partial.Join());
        }
    }

    /// <summary>Drops partial transfers not fed for <see cref="SbdReassemblerOptions.StaleAfter"/>; returns how many.</summary>
    public int PurgeStale()
    {
        lock (_lock)
        {
            return PurgeStale(time.GetUtcNow());
        }
    }

    private int PurgeStale(DateTimeOffset now)
    {
        var stale = _partials.Where(p => now - p.Value.LastFed >= options.StaleAfter).Select(p => p.Key).ToList();
        foreach (var key in stale)
        {
            _partials.Remove(key);
        }

        Abandoned += stale.Count;
        return stale.Count;
    }

    private void EnforceLimit(string source)
    {
        var mine = _partials.Where(p => p.Key.Source == source).ToList();
        if (mine.Count >= options.MaxPartialsPerSource)
        {
            _partials.Remove(mine.MinBy(p => p.Value.LastFed).Key);
            Abandoned++;
        }
    }

    private sealed class Partial(int count)
    {
        public byte[]?[] Parts { get; } = new byte[]?[count];

        public int Received { get; set; }

        public DateTimeOffset LastFed { get; set; }

        public byte[] Join()
        {
            var body = new byte[Parts.Sum(p => p!.Length)];
            var at = 0;
            foreach (var part in Parts)
            {
                part!.CopyTo(body, at);
                at += part!.Length;
            }

            return body;
        }
    }
}
