using System.Text;

namespace Edge.Gateway.Links.AzureIotHub;

/// <summary>
/// IoT Hub's MQTT names, after Microsoft's "Communicate with an IoT hub using the MQTT protocol": the CONNECT user
/// name, the device-to-cloud topic with its property bag, and the cloud-to-device topic filter.
/// </summary>
public static class IotHubTopics
{
    /// <summary>The API version the user name carries (page section "Use the MQTT protocol directly from a device").</summary>
    public const string ApiVersion = "2021-04-12";

    /// <summary>CONNECT user name: <c>{iotHub-hostname}/{device-id}/?api-version=2021-04-12</c>.</summary>
    public static string UserName(string hostName, string deviceId) => $"{hostName}/{deviceId}/?api-version={ApiVersion}";

    /// <summary>Prefix of device-to-cloud topics: <c>devices/{device-id}/messages/events/</c>.</summary>
    public static string EventsPrefix(string deviceId) => $"devices/{deviceId}/messages/events/";

    /// <summary>Prefix of cloud-to-device topics: <c>devices/{device-id}/messages/devicebound/</c>.</summary>
    public static string DeviceBoundPrefix(string deviceId) => $"devices/{deviceId}/messages/devicebound/";

    /// <summary>The cloud-to-device subscription: <c>devices/{device-id}/messages/devicebound/#</c>.</summary>
    public static string DeviceBoundFilter(string deviceId) => DeviceBoundPrefix(deviceId) + "#";

    /// <summary>
    /// <c>devices/{device-id}/messages/events/{property_bag}</c>: each property as <c>name=value</c> joined with
    /// <c>&amp;</c>, names and values percent-encoded as in a query string (RFC 2396/3986 unreserved characters kept, so
    /// a space is <c>%20</c>). System property names (<c>$.ct</c>, <c>$.ce</c>, <c>$.mid</c>) keep their <c>$</c>, as the page writes them.
    /// </summary>
    public static string Events(string deviceId, IReadOnlyList<KeyValuePair<string, string>> properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        var topic = new StringBuilder(EventsPrefix(deviceId));
        for (var i = 0; i < properties.Count; i++)
        {
            if (i > 0)
            {
                topic.Append('&');
            }

            var name = properties[i].Key;
            topic.Append(name.StartsWith("$.", StringComparison.Ordinal) ? "$." + Uri.EscapeDataString(name[2..]) : Uri.EscapeDataString(name));
            topic.Append('=').Append(Uri.EscapeDataString(properties[i].Value));
        }

        return topic.ToString();
    }

    /// <summary>
    /// The properties of a cloud-to-device topic (page section "Receive cloud-to-device messages"): <c>key</c> is a
    /// null value, <c>key=</c> an empty one, <c>key=value</c> a value; names and values percent-decoded. A leading
    /// <c>/?</c> or <c>?</c> is skipped. Returns false when the topic is not this device's cloud-to-device topic.
    /// </summary>
    public static bool TryParseDeviceBound(string topic, string deviceId, out IReadOnlyDictionary<string, string?> properties)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        properties = result;
        var prefix = DeviceBoundPrefix(deviceId);
        if (!topic.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var bag = topic.AsSpan(prefix.Length);
        if (bag.StartsWith("/?"))
        {
            bag = bag[2..];
        }
        else if (bag.StartsWith("?"))
        {
            bag = bag[1..];
        }

        foreach (var range in bag.Split('&'))
        {
            var pair = bag[range];
            if (pair.IsEmpty)
            {
                continue;
            }

            var equals = pair.IndexOf('=');
            var name = Uri.UnescapeDataString(equals < 0 ? pair.ToString() : pair[..equals].ToString());
            result[name] = equals < 0 ? null : Uri.UnescapeDataString(pair[(equals + 1)..].ToString());
        }

        return true;
    }
}
