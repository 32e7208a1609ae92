using System.Diagnostics.CodeAnalysis;
using Edge.Firmware.Frames;
using Edge.Gateway.Store;
using Edge.Uplink;

namespace Edge.Gateway.Southbound;

/// <summary>
/// A device frame as the gateway admits it: read by the shared <see cref="SenmlFrameReader"/> (every
/// FRAME.md rule), then its base name matched to the device that published it; a frame that fails either
/// is refused as a whole with a reason, and nothing of it is used.
/// </summary>
internal static class DeviceFrames
{
    /// <summary>Reads <paramref name="payload"/> sent on the topic of <paramref name="deviceId"/>.</summary>
    /// <returns>True with the frame; false with the reason the frame is refused.</returns>
    public static bool TryRead(
        ReadOnlyMemory<byte> payload,
        string deviceId,
        [NotNullWhen(true)] out SenmlFrame? frame,
        [NotNullWhen(false)] out string? reason)
    {
        if (!SenmlFrameReader.TryRead(payload, out frame, out reason))
        {
            return false;
        }

        if (!string.Equals(frame.Header.DeviceId, deviceId, StringComparison.Ordinal))
        {
            reason = $"bn '{FrameText.Printable(frame.Header.BaseName)}' does not match the topic's device (expected 'urn:dev:ops:{deviceId}:')";
            frame = null;
            return false;
        }

        return true;
    }

    /// <summary>The readings of <paramref name="frame"/> as store rows, in frame order.</summary>
    public static List<ReadingRecord> ToReadings(SenmlFrame frame, string deviceId, long receivedUnixMs)
    {
        var records = new List<ReadingRecord>(frame.Records.Count);
        foreach (var r in frame.Records)
        {
            // ClockQualities codes equal Edge.Uplink.ClockQuality values (a test pins every one).
            records.Add(new ReadingRecord(
                deviceId, r.Seq, r.Channel, r.Unit, r.Value.Mantissa, r.Value.Scale, r.ObservedUnixMs,
                (ClockQuality)r.ClockQuality, r.Flags, receivedUnixMs, DataClass.Reading));
        }

        return records;
    }
}
