namespace Edge.Gateway.Links.AzureIotHub;

/// <summary>Checks <see cref="AzureIotHubLinkOptions"/> for the gateway's options validator (only when a host name is set).</summary>
internal static class AzureIotHubLinkOptionsCheck
{
    private const string Section = "Edge:Gateway:Links:AzureIotHub";

    /// <summary>Adds a message to <paramref name="errors"/> for every setting that cannot work.</summary>
    public static void Validate(LinksOptions links, List<string> errors)
    {
        var options = links.AzureIotHub;
        if (string.IsNullOrEmpty(options.HostName))
        {
            return;
        }

        if (Uri.CheckHostName(options.HostName) is not (UriHostNameType.Dns or UriHostNameType.IPv4 or UriHostNameType.IPv6))
        {
            errors.Add($"{Section}:HostName '{options.HostName}' is not a host name (e.g. contoso.azure-devices.net)");
        }

        if (options.BrokerHost.Length > 0 && Uri.CheckHostName(options.BrokerHost) == UriHostNameType.Unknown)
        {
            errors.Add($"{Section}:BrokerHost '{options.BrokerHost}' is not a host name or address");
        }

        // Device ids: up to 128 characters, ASCII letters, digits and - . % _ * ? ! ( ) , : = @ $ ' ("Understand the identity registry").
        // '/', '+' and '#' would also break the MQTT topics.
        if (string.IsNullOrEmpty(options.DeviceId) || options.DeviceId.Length > 128 || options.DeviceId.Any(c => !IsDeviceIdChar(c)))
        {
            errors.Add($"{Section}:DeviceId is required: up to 128 ASCII letters, digits and - . % _ * ? ! ( ) , : = @ $ '");
        }

        if (!IotHubSas.IsValidKey(options.SharedAccessKey))
        {
            errors.Add($"{Section}:SharedAccessKey must be the base64 key of the device or of a shared access policy");
        }

        if (string.IsNullOrWhiteSpace(options.Name))
        {
            errors.Add($"{Section}:Name is required");
        }
        else if (links.Ip.Exists(ip => ip.Name == options.Name) || (options.Name == "iridium" && !string.IsNullOrEmpty(links.Iridium.Port)))
        {
            errors.Add($"{Section}:Name '{options.Name}' is used by another link");
        }

        if (options.Port is < 1 or > 65535)
        {
            errors.Add($"{Section}:Port must be 1..65535");
        }

        if (options.CaCertificatePath.Length > 0 && !File.Exists(options.CaCertificatePath))
        {
            errors.Add($"{Section}:CaCertificatePath '{options.CaCertificatePath}' does not exist");
        }

        if (options.TokenLifetime <= TimeSpan.Zero || options.TokenRenewBefore < TimeSpan.Zero || options.TokenRenewBefore >= options.TokenLifetime)
        {
            errors.Add($"{Section}:TokenLifetime must be positive and TokenRenewBefore at least 0 and shorter than it");
        }

        // IoT Hub closes connections whose keep-alive exceeds 1177 seconds ("Default keep-alive timeout").
        if (options.KeepAlive < TimeSpan.FromSeconds(1) || options.KeepAlive > TimeSpan.FromSeconds(1177))
        {
            errors.Add($"{Section}:KeepAlive must be 1 s..1177 s");
        }

        if (options.OperationTimeout <= TimeSpan.Zero || options.ProbeInterval <= TimeSpan.Zero)
        {
            errors.Add($"{Section}:OperationTimeout and ProbeInterval must be positive");
        }
    }

    private static bool IsDeviceIdChar(char c) => char.IsAsciiLetterOrDigit(c) || "-.%_*?!(),:=@$'".Contains(c, StringComparison.Ordinal);
}
