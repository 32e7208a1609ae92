using System.Text.Json;

namespace Edge.Uplink.Json;

/// <summary>Reads one channel run; its scale is the largest number of decimals among its values.</summary>
internal static class ChannelJsonReader
{
    public static ChannelRun Read(JsonFields run, int maxReadings, ref int readings)
    {
        var channel = run.String("channel", BatchLimits.MaxIdBytes, allowEmpty: false);
        var unit = run.String("unit", BatchLimits.MaxIdBytes, allowEmpty: true);
        var points = run.Array("points", int.MaxValue);
        var mantissas = new List<(long Mantissa, int Decimals)>();
        var parsed = new List<ReadingPoint>();
        var scale = 0;
        foreach (var element in points)
        {
            var path = run.Path($"points[{parsed.Count}]");
            if (++readings > maxReadings)
            {
                throw JsonFields.Error(path, $"batch exceeds the limit of {maxReadings} readings");
            }

            var point = new JsonFields(element, path);
            var raw = point.Required("value", JsonValueKind.Number).GetRawText();
            var error = DecimalText.TryParse(raw, out var mantissa, out var decimals);
            if (error is not null)
            {
                throw JsonFields.Error(point.Path("value"), $"value {raw} {error}");
            }

            var qualityText = JsonFields.Text(point.Required("clockQuality", JsonValueKind.String), point.Path("clockQuality"));
            if (!ClockQualityText.TryParse(qualityText, out var quality))
            {
                throw JsonFields.Error(point.Path("clockQuality"),
                    $"clock quality '{qualityText}' is not one of gnss, ntp, gateway, rtc-unsynced");
            }

            scale = Math.Max(scale, decimals);
            mantissas.Add((mantissa, decimals));
            parsed.Add(new ReadingPoint(point.Int64("seq"), point.Time("observedAt"), 0, quality, point.Int32("flags"), point.OptionalTime("deviceTime")));
        }

        var result = new ReadingPoint[parsed.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var (mantissa, decimals) = mantissas[i];
            if (!DecimalText.TryRescale(mantissa, scale - decimals, out var scaled))
            {
                throw JsonFields.Error(run.Path($"points[{i}].value"),
                    $"value does not fit in a 64-bit mantissa at the channel's scale {scale}");
            }

            result[i] = parsed[i] with { Mantissa = scaled };
        }

        return new ChannelRun(channel, unit, scale, result);
    }
}
