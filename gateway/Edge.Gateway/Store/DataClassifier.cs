using Edge.Firmware.Buffering;
using Edge.Gateway.Hosting;
using Edge.Gateway.Radio;
using Microsoft.Extensions.Options;

namespace Edge.Gateway.Store;

/// <summary>
/// Assigns classes (DESIGN.md, gateway promise 3): a reading is class reading, or backfill when it was
/// observed more than <see cref="StoreOptions.BackfillAfter"/> before it was received. Its flags
/// (firmware/FRAME.md, "Flags") yield events: reverse and tamper are alarms, lost-before, reboot and
/// low-battery are status; leak, burst and dry (meters the gateway reads itself, <see cref="MeterAlarmFlags"/>) are alarms,
/// and so are an ECHONET Lite meter's fault and abnormal value, whose return to normal is status. Each flagged reading yields its own event (tamper is latched on the device,
/// so it repeats while latched; the ingest decides what is new).
/// </summary>
internal sealed class DataClassifier(IOptions<GatewayOptions> options)
{
    private static readonly (int Bit, string Kind, DataClass Class)[] _flagEvents =
    [
        (ReadingFlags.Reverse, "reverse-flow", DataClass.Alarm),
        (ReadingFlags.Tamper, "tamper", DataClass.Alarm),
        (ReadingFlags.LostBefore, "lost-before", DataClass.Status),
        (ReadingFlags.Reboot, "reboot", DataClass.Status),
        (ReadingFlags.LowBattery, "low-battery", DataClass.Status),
        (MeterAlarmFlags.Leak, "leak", DataClass.Alarm),
        (MeterAlarmFlags.Burst, "burst", DataClass.Alarm),
        (MeterAlarmFlags.Dry, "dry", DataClass.Alarm),
        (MeterAlarmFlags.MeterFault, "meter-fault", DataClass.Alarm),
        (MeterAlarmFlags.MeterFaultCleared, "meter-fault-cleared", DataClass.Status),
        (MeterAlarmFlags.AbnormalValue, "abnormal-value", DataClass.Alarm),
        (MeterAlarmFlags.AbnormalValueCleared, "abnormal-value-cleared", DataClass.Status),
    ];

    /// <summary>The readings with their class set, and the events of their flags.</summary>
    public StoredFrame Classify(IReadOnlyList<ReadingRecord> readings)
    {
        var backfillAfterMs = (long)options.Value.Store.BackfillAfter.TotalMilliseconds;
        var classified = new List<ReadingRecord>(readings.Count);
        var events = new List<EventRecord>();
        foreach (var r in readings)
        {
            var dataClass = r.ReceivedUnixMs - r.ObservedUnixMs > backfillAfterMs ? DataClass.Backfill : DataClass.Reading;
            classified.Add(r with { Class = dataClass });
            foreach (var (bit, kind, eventClass) in _flagEvents)
            {
                if ((r.Flags & bit) != 0)
                {
                    events.Add(new EventRecord(r.Device, r.Seq, r.ObservedUnixMs, kind, $"seq {r.Seq}", r.ReceivedUnixMs, eventClass));
                }
            }
        }

        return new StoredFrame(classified, events);
    }
}
