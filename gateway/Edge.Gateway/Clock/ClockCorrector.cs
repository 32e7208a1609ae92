using Edge.Firmware.Frames;
using Edge.Firmware.Hardware;
using Edge.Gateway.Store;
using Edge.Uplink;

namespace Edge.Gateway.Clock;

/// <summary>
/// Corrects readings stamped before a device's first clock sync (DESIGN.md, gateway promise 7; firmware/FRAME.md,
/// "Clock"). Each frame says at which seq the device's current boot started and either the step its clock took
/// at its first sync (exact) or, while still unsynced, its clock now (the gateway estimates the offset as its
/// receive time − that). A reading stamped <c>rtc-unsynced</c> in a boot whose offset is known gets the corrected
/// time as its observed time, clock quality <c>gateway</c>, and keeps the device's own time beside it. Readings
/// of earlier boots are corrected only when they are known to belong to one (seq within what frames of that
/// boot showed); anything else stays as the device stamped it. Within a boot the offset never changes except
/// from estimate to exact.
/// </summary>
internal sealed class ClockCorrector(ClockEpochStore store)
{
    /// <summary>Boots remembered per device; older ones are forgotten (their readings were long sent).</summary>
    public const int MaxEpochsPerDevice = 16;

    private readonly Lock _lock = new();
    private Dictionary<string, List<ClockEpoch>>? _epochs;

    public ClockCorrection Correct(string device, FrameClock clock, IReadOnlyList<ReadingRecord> readings)
    {
        lock (_lock)
        {
            _epochs ??= store.LoadAll();
            if (!_epochs.TryGetValue(device, out var known))
            {
                known = [];
                _epochs[device] = known;
            }

            var (current, refined) = clock.BootFirstSeq is { } boot ? Update(device, boot, clock, readings, known) : (null, false);
            var corrected = new List<ReadingRecord>(readings.Count);
            foreach (var r in readings)
            {
                corrected.Add(r.ClockQuality == ClockQuality.RtcUnsynced && FindEpoch(r.Seq, current, known) is { OffsetMs: { } offset }
                    ? Apply(r, offset)
                    : r);
            }

            return new ClockCorrection(corrected, current, refined);
        }
    }

    private static (ClockEpoch Current, bool Refined) Update(string device, long boot, FrameClock clock, IReadOnlyList<ReadingRecord> readings, List<ClockEpoch> known)
    {
        var receivedMs = readings.Count > 0 ? readings[0].ReceivedUnixMs : 0;
        long? offset = null;
        var exact = false;
        if (clock.StepMs is { } step)
        {
            (offset, exact) = (step, true);
        }
        else if (clock is { NowQuality: ClockQualities.RtcUnsynced, NowUnixSeconds: { } now })
        {
            offset = receivedMs - (now * 1000);
        }

        var maxSeq = boot - 1;
        foreach (var r in readings)
        {
            maxSeq = Math.Max(maxSeq, r.Seq);
        }

        var index = known.FindIndex(e => e.BootSeq == boot);
        var previous = index >= 0 ? known[index] : null;
        var merged = previous is null
            ? new ClockEpoch(device, boot, offset, exact, maxSeq)
            : previous with
            {
                // The first estimate stays for the whole boot, so its readings keep a common offset; an exact step replaces it.
                OffsetMs = exact && !previous.Exact ? offset : previous.OffsetMs ?? offset,
                Exact = previous.Exact || exact,
                MaxSeq = Math.Max(previous.MaxSeq, maxSeq),
            };
        var refined = previous is not null && merged.OffsetMs is not null && (previous.OffsetMs is null || (merged.Exact && !previous.Exact));
        if (index >= 0)
        {
            known[index] = merged;
        }
        else
        {
            known.Add(merged);
            known.Sort((a, b) => a.BootSeq.CompareTo(b.BootSeq));
            if (known.Count > MaxEpochsPerDevice)
            {
                known.RemoveRange(0, known.Count - MaxEpochsPerDevice);
            }
        }

        return (merged, refined);
    }

    private static ClockEpoch? FindEpoch(long seq, ClockEpoch? current, List<ClockEpoch> known)
    {
        if (current is not null && seq >= current.BootSeq)
        {
            return current;
        }

        for (var i = known.Count - 1; i >= 0; i--)
        {
            if (known[i].Covers(seq))
            {
                return known[i];
            }
        }

        return null;
    }

    private static ReadingRecord Apply(ReadingRecord r, long offsetMs)
    {
        var corrected = r.ObservedUnixMs + offsetMs;
        return corrected is < BatchLimits.MinUnixMs or > BatchLimits.MaxUnixMs
            ? r
            : r with { ObservedUnixMs = corrected, ClockQuality = ClockQuality.Gateway, DeviceUnixMs = r.ObservedUnixMs };
    }
}
