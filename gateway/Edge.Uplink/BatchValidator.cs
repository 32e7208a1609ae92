using System.Text;

namespace Edge.Uplink;

/// <summary>
/// Checks that a batch fits format v1 before it is encoded or rendered, so that everything the encoder
/// writes the decoder accepts. Throws <see cref="ArgumentException"/> naming the offending field.
/// </summary>
internal static class BatchValidator
{
    private static readonly UTF8Encoding _strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static void Validate(Batch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        Text(batch.GatewayId, "gateway id", BatchLimits.MaxIdBytes, allowEmpty: false);
        if (batch.Sequence < 0)
        {
            throw Invalid($"batch sequence {batch.Sequence} is negative");
        }

        Time(batch.CreatedUnixMs, "created time");
        Count(batch.Devices, "devices", BatchLimits.MaxDevices);
        Count(batch.Events, "events", BatchLimits.MaxEvents);
        Count(batch.Gaps, "gap records", BatchLimits.MaxGaps);
        for (var d = 0; d < batch.Devices.Count; d++)
        {
            Device(batch.Devices[d] ?? throw Invalid($"device {d} is null"), d);
        }

        for (var e = 0; e < batch.Events.Count; e++)
        {
            var ev = batch.Events[e] ?? throw Invalid($"event {e} is null");
            Text(ev.DeviceId, $"event {e} device id", BatchLimits.MaxIdBytes, allowEmpty: false);
            Time(ev.ObservedUnixMs, $"event {e} observed time");
            Text(ev.Kind, $"event {e} kind", BatchLimits.MaxIdBytes, allowEmpty: false);
            if (ev.Detail is not null)
            {
                Text(ev.Detail, $"event {e} detail", BatchLimits.MaxTextBytes, allowEmpty: true);
            }
        }

        for (var g = 0; g < batch.Gaps.Count; g++)
        {
            Gap(batch.Gaps[g] ?? throw Invalid($"gap record {g} is null"), g);
        }
    }

    private static void Device(DeviceRun device, int d)
    {
        Text(device.DeviceId, $"device {d} id", BatchLimits.MaxIdBytes, allowEmpty: false);
        Count(device.Channels, $"device {d} channels", BatchLimits.MaxChannelsPerDevice);
        for (var c = 0; c < device.Channels.Count; c++)
        {
            var run = device.Channels[c] ?? throw Invalid($"device {d} channel {c} is null");
            var where = $"device {d} channel {c}";
            Text(run.Channel, $"{where} name", BatchLimits.MaxIdBytes, allowEmpty: false);
            Text(run.Unit, $"{where} unit", BatchLimits.MaxIdBytes, allowEmpty: true);
            if (run.Scale is < 0 or > BatchLimits.MaxScale)
            {
                throw Invalid($"{where} scale {run.Scale} is outside 0..{BatchLimits.MaxScale}");
            }

            ArgumentNullException.ThrowIfNull(run.Points, $"{where} points");
            for (var i = 0; i < run.Points.Count; i++)
            {
                var point = run.Points[i];
                Time(point.ObservedUnixMs, $"{where} point {i} observed time");
                if (point.DeviceUnixMs is { } deviceMs)
                {
                    Time(deviceMs, $"{where} point {i} device time");
                }

                if (!Enum.IsDefined(point.ClockQuality))
                {
                    throw Invalid($"{where} point {i} clock quality {(int)point.ClockQuality} is undefined");
                }
            }
        }
    }

    private static void Gap(GapRecord gap, int g)
    {
        Count(gap.DeviceIds, $"gap record {g} device ids", BatchLimits.MaxGapDeviceIds);
        for (var i = 0; i < gap.DeviceIds.Count; i++)
        {
            Text(gap.DeviceIds[i], $"gap record {g} device id {i}", BatchLimits.MaxIdBytes, allowEmpty: false);
        }

        Time(gap.FromUnixMs, $"gap record {g} start");
        Time(gap.ToUnixMs, $"gap record {g} end");
        if (gap.ToUnixMs < gap.FromUnixMs)
        {
            throw Invalid($"gap record {g} ends before it starts");
        }

        if (gap.Count < 0)
        {
            throw Invalid($"gap record {g} count {gap.Count} is negative");
        }

        Text(gap.Reason, $"gap record {g} reason", BatchLimits.MaxTextBytes, allowEmpty: false);
    }

    private static void Count<T>(IReadOnlyList<T> list, string what, int max)
    {
        ArgumentNullException.ThrowIfNull(list, what);
        if (list.Count > max)
        {
            throw Invalid($"{list.Count} {what} exceed the limit of {max}");
        }
    }

    private static void Time(long unixMs, string what)
    {
        if (unixMs is < BatchLimits.MinUnixMs or > BatchLimits.MaxUnixMs)
        {
            throw Invalid($"{what} {unixMs} ms is outside years 0001-9999");
        }
    }

    private static void Text(string? value, string what, int maxBytes, bool allowEmpty)
    {
        ArgumentNullException.ThrowIfNull(value, what);
        int bytes;
        try
        {
            bytes = _strictUtf8.GetByteCount(value);
        }
        catch (EncoderFallbackException ex)
        {
            throw new ArgumentException($"{what} is not valid Unicode", ex);
        }

        if (bytes > maxBytes)
        {
            throw Invalid($"{what} of {bytes} UTF-8 bytes exceeds the limit of {maxBytes}");
        }

        if (bytes == 0 && !allowEmpty)
        {
            throw Invalid($"{what} is empty");
        }
    }

    private static ArgumentException Invalid(string message) => new(message);
}
