using Edge.Firmware.Hardware;

namespace Edge.Firmware.Encoding;

/// <summary>
/// Encodes readings of one channel as a SenML pack in CBOR (RFC 8428 §6), shaped as firmware/FRAME.md
/// specifies: base name, base time and base unit in the first record; name, value, time offset,
/// sequence number, clock quality and flags in every record. No allocation per frame.
/// </summary>
public sealed class SenmlFrameEncoder
{
    // RFC 8428 §6, Table 4: CBOR labels.
    private const int LabelBaseName = -2;
    private const int LabelBaseTime = -3;
    private const int LabelBaseUnit = -4;
    private const int LabelName = 0;
    private const int LabelUnit = 1;
    private const int LabelValue = 2;
    private const int LabelTime = 6;
    private const string LabelSeq = "seq";
    private const string LabelClockQuality = "cq";
    private const string LabelFlags = "fl";
    private const string LabelBoot = "boot";
    private const string LabelNow = "now";
    private const string LabelNowQuality = "nq";
    private const string LabelStep = "step";
    private const string LabelSettingsVersion = "cfg";
    private const string LabelSampling = "si";
    private const string LabelReporting = "ri";
    private readonly CborWriter _writer;
    private readonly string _baseName;
    private bool _hasClock;
    private long _bootFirstSeq;
    private long _nowMs;
    private int _nowQuality;
    private bool _hasStep;
    private long _stepMs;
    private bool _hasSettings;
    private long _settingsVersion;
    private int _samplingS;
    private int _reportingS;

    /// <summary>Creates an encoder for device <paramref name="deviceId"/> writing into <paramref name="buffer"/>.</summary>
    public SenmlFrameEncoder(string deviceId, byte[] buffer)
    {
        _baseName = "urn:dev:ops:" + deviceId + ":";
        _writer = new CborWriter(buffer);
    }

    /// <summary>The base name this encoder writes.</summary>
    public string BaseName => _baseName;

    /// <summary>The encoded frame (valid up to the length returned by <see cref="EncodeMilli"/>).</summary>
    public byte[] Buffer => _writer.Buffer;

    /// <summary>
    /// Sets the clock facts the next frames carry in their first record (FRAME.md, "Clock"): the first
    /// sequence number of this boot, the device clock now and its quality, and the step applied to the
    /// clock at its first synchronisation in this boot, when there was one.
    /// </summary>
    public void SetClock(long bootFirstSeq, long nowUnixMs, int nowQuality, bool hasStep, long stepMs)
    {
        _hasClock = true;
        _bootFirstSeq = bootFirstSeq;
        _nowMs = nowUnixMs;
        _nowQuality = nowQuality;
        _hasStep = hasStep;
        _stepMs = stepMs;
    }

    /// <summary>
    /// Sets the gateway configuration in force that the next frames report in their first record (FRAME.md, "Device
    /// configuration"): its version and the sampling and reporting intervals applied.
    /// </summary>
    public void SetSettings(long version, int samplingSeconds, int reportingSeconds)
    {
        _hasSettings = true;
        _settingsVersion = version;
        _samplingS = samplingSeconds;
        _reportingS = reportingSeconds;
    }

    /// <summary>
    /// Encodes <paramref name="count"/> readings of <paramref name="channel"/> whose values are given in
    /// thousandths of <paramref name="unit"/> (millilitres for unit <c>l</c>). Returns the frame length, or
    /// -1 when the buffer is too small.
    /// </summary>
    public int EncodeMilli(string channel, string unit, int count, long[] seqs, long[] timesMs, long[] valuesMilli, int[] flags, int[] qualities)
    {
        if (count < 1)
        {
            return -1;
        }

        var w = _writer;
        w.Reset();
        w.WriteArrayHeader(count);
        var baseTime = FloorDiv(timesMs[0], 1000);
        for (var i = 0; i < count; i++)
        {
            var pairs = 5 + (flags[i] != 0 ? 1 : 0) + (i == 0 ? 3 + ClockPairs() + SettingsPairs() : 0);
            w.WriteMapHeader(pairs);
            if (i == 0)
            {
                w.WriteInt64(LabelBaseName);
                w.WriteText(_baseName);
                w.WriteInt64(LabelBaseTime);
                w.WriteInt64(baseTime);
                w.WriteInt64(LabelBaseUnit);
                w.WriteText(unit);
                WriteClock();
                WriteSettings();
            }

            w.WriteInt64(LabelName);
            w.WriteText(channel);
            w.WriteInt64(LabelValue);
            WriteMilli(valuesMilli[i]);
            w.WriteInt64(LabelTime);
            w.WriteInt64(FloorDiv(timesMs[i], 1000) - baseTime);
            w.WriteText(LabelSeq);
            w.WriteInt64(seqs[i]);
            w.WriteText(LabelClockQuality);
            w.WriteText(ClockQualities.ToText(qualities[i]));
            if (flags[i] != 0)
            {
                w.WriteText(LabelFlags);
                w.WriteInt64(flags[i]);
            }
        }

        return w.Overflowed ? -1 : w.Length;
    }

    /// <summary>
    /// Encodes <paramref name="count"/> readings of several channels: reading i is of channel
    /// <c>names[channels[i]]</c> in unit <c>units[channels[i]]</c>, its value in thousandths of that unit. Every
    /// record carries its own <c>u</c> (no <c>bu</c>). Returns the frame length, or -1 when the buffer is too small.
    /// </summary>
    public int EncodeChannels(int count, long[] seqs, long[] timesMs, long[] valuesMilli, int[] flags, int[] qualities, int[] channels, string[] names, string[] units)
    {
        if (count < 1)
        {
            return -1;
        }

        var w = _writer;
        w.Reset();
        w.WriteArrayHeader(count);
        var baseTime = FloorDiv(timesMs[0], 1000);
        for (var i = 0; i < count; i++)
        {
            var pairs = 6 + (flags[i] != 0 ? 1 : 0) + (i == 0 ? 2 + ClockPairs() + SettingsPairs() : 0);
            w.WriteMapHeader(pairs);
            if (i == 0)
            {
                w.WriteInt64(LabelBaseName);
                w.WriteText(_baseName);
                w.WriteInt64(LabelBaseTime);
                w.WriteInt64(baseTime);
                WriteClock();
                WriteSettings();
            }

            w.WriteInt64(LabelName);
            w.WriteText(names[channels[i]]);
            w.WriteInt64(LabelUnit);
            w.WriteText(units[channels[i]]);
            w.WriteInt64(LabelValue);
            WriteMilli(valuesMilli[i]);
            w.WriteInt64(LabelTime);
            w.WriteInt64(FloorDiv(timesMs[i], 1000) - baseTime);
            w.WriteText(LabelSeq);
            w.WriteInt64(seqs[i]);
            w.WriteText(LabelClockQuality);
            w.WriteText(ClockQualities.ToText(qualities[i]));
            if (flags[i] != 0)
            {
                w.WriteText(LabelFlags);
                w.WriteInt64(flags[i]);
            }
        }

        return w.Overflowed ? -1 : w.Length;
    }

    private int ClockPairs() => !_hasClock ? 0 : _hasStep ? 4 : 3;

    private int SettingsPairs() => _hasSettings ? 3 : 0;

    private void WriteSettings()
    {
        if (!_hasSettings)
        {
            return;
        }

        var w = _writer;
        w.WriteText(LabelSettingsVersion);
        w.WriteInt64(_settingsVersion);
        w.WriteText(LabelSampling);
        w.WriteInt64(_samplingS);
        w.WriteText(LabelReporting);
        w.WriteInt64(_reportingS);
    }

    private void WriteClock()
    {
        if (!_hasClock)
        {
            return;
        }

        var w = _writer;
        w.WriteText(LabelBoot);
        w.WriteInt64(_bootFirstSeq);
        w.WriteText(LabelNow);
        w.WriteInt64(FloorDiv(_nowMs, 1000));
        w.WriteText(LabelNowQuality);
        w.WriteText(ClockQualities.ToText(_nowQuality));
        if (_hasStep)
        {
            w.WriteText(LabelStep);
            w.WriteInt64(_stepMs);
        }
    }

    // Whole units as a CBOR integer; otherwise the IEEE double nearest to value/1000, whose shortest
    // decimal rendering is exactly the value while it has at most 15 significant digits (|milli| < 10^15).
    private void WriteMilli(long milli)
    {
        if (milli % 1000 == 0)
        {
            _writer.WriteInt64(milli / 1000);
        }
        else
        {
            _writer.WriteDouble(milli / 1000.0);
        }
    }

    private static long FloorDiv(long a, long b)
    {
        var q = a / b;
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
    }
}
