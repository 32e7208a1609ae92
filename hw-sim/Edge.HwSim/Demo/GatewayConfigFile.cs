using System.Text.Json;
using System.Text.Json.Nodes;

namespace Edge.HwSim.Demo;

/// <summary>Writes the gateway's JSON configuration for a simulated fleet (the file a Pi would carry).</summary>
public static class GatewayConfigFile
{
    /// <summary>Writes the file and returns its path.</summary>
    public static string Write(StackOptions options, string ingestUrl)
    {
        var devices = new JsonArray();
        for (var i = 0; i < options.Fleet.Meters; i++)
        {
            var id = Fleet.FleetOptions.DeviceId(i);
            devices.Add(new JsonObject { ["Id"] = id, ["Password"] = options.Fleet.Password(id) });
        }

        var root = new JsonObject
        {
            ["Edge"] = new JsonObject
            {
                ["Gateway"] = new JsonObject
                {
                    ["Id"] = options.GatewayId,
                    ["DataDir"] = Path.Combine(options.DataDir, "gateway"),
                    ["Mqtt"] = new JsonObject { ["Port"] = options.Fleet.MqttPort, ["BindAddress"] = "127.0.0.1" },
                    ["Devices"] = devices,
                    ["Ingest"] = new JsonObject { ["Url"] = ingestUrl, ["ApiKey"] = options.GatewayKey },
                    ["Batch"] = new JsonObject
                    {
                        ["MaxReadings"] = options.BatchMaxReadings,
                        ["MaxDelay"] = Delay(options.BatchMaxDelay),

                        // Simulated meters replay history, so to the gateway nearly every reading looks like
                        // backfill (observed long before it arrived): send it as promptly as live readings.
                        ["BackfillMaxDelay"] = Delay(options.BatchMaxDelay),
                        ["StatusMaxDelay"] = Delay(options.BatchMaxDelay),
                    },
                    ["Uplink"] = new JsonObject { ["MinBackoff"] = "00:00:00.200", ["MaxBackoff"] = "00:00:02" },

                    // The gateway publishes these intervals on every meter's config topic and the meters apply them:
                    // the fleet's own interval, a reading sent as soon as it is taken (as provisioned).
                    ["Control"] = new JsonObject
                    {
                        ["Normal"] = new JsonObject
                        {
                            ["SamplingSeconds"] = options.Fleet.ReadingIntervalSeconds,
                            ["ReportingSeconds"] = options.Fleet.ReadingIntervalSeconds,
                        },
                    },
                },
            },
        };
        Directory.CreateDirectory(options.DataDir);
        var path = Path.Combine(options.DataDir, "gateway.json");
        File.WriteAllText(path, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return path;
    }

    private static string Delay(TimeSpan delay) => delay.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
}
