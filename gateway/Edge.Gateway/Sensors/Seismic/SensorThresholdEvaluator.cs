using Edge.Gateway.Store;

namespace Edge.Gateway.Sensors.Seismic;

/// <summary>
/// Raises events from sensor readings against <see cref="SensorThresholdOptions"/>: a river level rising
/// past 氾濫注意 / 避難判断 / 氾濫危険 (one alarm per level passed; a status event when it falls back under
/// a level), hourly rain reaching the heavy-rain threshold (again only after it fell below), and every
/// seismic intensity at or above the set class (each is its own earthquake window). Readings are exact
/// decimals (mantissa × 10^-scale). Keeps the last stage per device; <see cref="Evaluate"/> alone is not thread-safe,
/// <see cref="AddEvents"/> and <see cref="Undo"/> (what the store paths use) are.
/// </summary>
internal sealed class SensorThresholdEvaluator(SensorThresholdOptions options)
{
    /// <summary>Channel of a water level reading, unit m.</summary>
    public const string WaterLevelChannel = "water-level";

    /// <summary>Channel of the rainfall of the last hour (JMA's 前1時間降水量), unit mm.</summary>
    public const string RainHourChannel = "rain-1h";

    /// <summary>Channel of an instrumental seismic intensity (参考値), no unit; value e.g. 4.9.</summary>
    public const string IntensityChannel = "seismic-intensity";

    private static readonly string[] _riverKinds = ["river-flood-caution", "river-evacuation-decision", "river-flood-danger"];
    private static readonly string[] _riverNames = ["氾濫注意水位", "避難判断水位", "氾濫危険水位"];

    private readonly Dictionary<string, int> _riverStage = new(StringComparer.Ordinal);
    private readonly HashSet<string> _raining = new(StringComparer.Ordinal);
    private readonly long[] _lastByClass = new long[10];

    /// <summary>
    /// Observed time (Unix ms) of the latest intensity reading of class <paramref name="atLeast"/> or more, or null:
    /// the seismic trigger of disaster mode (Control/ControlService).
    /// </summary>
    public long? LastIntensityAtOrAbove(JmaIntensityClass atLeast)
    {
        lock (_lastByClass)
        {
            var latest = _lastByClass.Skip((int)atLeast).Max();
            return latest > 0 ? latest : null;
        }
    }

    /// <summary>The events of one reading (empty for channels without thresholds).</summary>
    public IReadOnlyList<EventRecord> Evaluate(ReadingRecord reading)
    {
        var value = reading.Mantissa * Pow10(-reading.Scale);
        return reading.Channel switch
        {
            WaterLevelChannel => River(reading, value),
            RainHourChannel => Rain(reading, value),
            IntensityChannel => Intensity(reading, value),
            _ => [],
        };
    }

    private List<EventRecord> River(ReadingRecord r, decimal level)
    {
        var events = new List<EventRecord>();
        var gauge = options.Rivers.Find(x => x.Device == r.Device);
        if (gauge is null)
        {
            return events;
        }

        decimal[] levels = [gauge.CautionM, gauge.EvacuationDecisionM, gauge.DangerM];
        var stage = 0;
        while (stage < levels.Length && level >= levels[stage])
        {
            stage++;
        }

        var previous = _riverStage.GetValueOrDefault(r.Device);
        for (var s = previous; s < stage; s++)
        {
            events.Add(Event(r, _riverKinds[s], $"{_riverNames[s]} {levels[s]} m reached: {level} m", DataClass.Alarm));
        }

        if (stage < previous)
        {
            var detail = stage == 0 ? $"below {_riverNames[0]}: {level} m" : $"back under {_riverNames[stage]}: {level} m";
            events.Add(Event(r, "river-level-falling", detail, DataClass.Status));
        }

        _riverStage[r.Device] = stage;
        return events;
    }

    private List<EventRecord> Rain(ReadingRecord r, decimal mm)
    {
        if (mm < options.RainMmPerHour)
        {
            _raining.Remove(r.Device);
            return [];
        }

        return _raining.Add(r.Device)
            ? [Event(r, "heavy-rain", $"{mm} mm in the last hour (threshold {options.RainMmPerHour} mm/h)", DataClass.Alarm)]
            : [];
    }

    private List<EventRecord> Intensity(ReadingRecord r, decimal intensity)
    {
        var tenths = (int)decimal.Truncate(intensity * 10);
        var c = JmaIntensityClasses.FromTenths(tenths);
        lock (_lastByClass)
        {
            _lastByClass[(int)c] = Math.Max(_lastByClass[(int)c], r.ObservedUnixMs);
        }

        if (c < options.IntensityClass)
        {
            return [];
        }

        var detail = $"計測震度 {JmaIntensityResult.FormatTenths(tenths)} ({JmaIntensityClasses.Name(c)}) {JmaIntensityResult.ReferenceLabel}";
        return [Event(r, "seismic-intensity", detail, DataClass.Alarm)];
    }

    /// <summary>
    /// <paramref name="frame"/> with the events of its readings added, evaluated under one lock (every input shares
    /// this evaluator), and the device's state from before, to give to <see cref="Undo"/> when the frame is not stored.
    /// </summary>
    public (StoredFrame Frame, (int RiverStage, bool Raining) Before) AddEvents(string device, StoredFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        lock (_riverStage)
        {
            var before = StateOf(device);
            var events = new List<EventRecord>(frame.Events);
            foreach (var r in frame.Readings)
            {
                events.AddRange(Evaluate(r));
            }

            return (frame with { Events = events }, before);
        }
    }

    /// <summary>Puts back the state <see cref="AddEvents"/> returned, so a frame that was not stored raises its events again.</summary>
    public void Undo(string device, (int RiverStage, bool Raining) before)
    {
        lock (_riverStage)
        {
            Restore(device, before);
        }
    }

    /// <summary>The remembered state of <paramref name="device"/>, to put back with <see cref="Restore"/> when its reading was not stored.</summary>
    public (int RiverStage, bool Raining) StateOf(string device) =>
        (_riverStage.GetValueOrDefault(device), _raining.Contains(device));

    /// <summary>Puts back a state taken with <see cref="StateOf"/>, so the events of a reading that was not stored are raised again.</summary>
    public void Restore(string device, (int RiverStage, bool Raining) state)
    {
        _riverStage[device] = state.RiverStage;
        if (state.Raining)
        {
            _raining.Add(device);
        }
        else
        {
            _raining.Remove(device);
        }
    }

    private static EventRecord Event(ReadingRecord r, string kind, string detail, DataClass c) =>
        new(r.Device, r.Seq, r.ObservedUnixMs, kind, detail, r.ReceivedUnixMs, c);

    private static decimal Pow10(int exponent)
    {
        var v = 1m;
        for (var i = 0; i < -exponent; i++)
        {
            v /= 10m;
        }

        return v;
    }
}
