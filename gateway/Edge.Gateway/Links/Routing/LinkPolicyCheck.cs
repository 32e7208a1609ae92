namespace Edge.Gateway.Links.Routing;

/// <summary>Checks the links' names, interfaces and policies for the gateway's options validator.</summary>
internal static class LinkPolicyCheck
{
    /// <summary>Adds a message to <paramref name="errors"/> for every setting that cannot work.</summary>
    public static void Validate(LinksOptions links, List<string> errors)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < links.Ip.Count; i++)
        {
            var ip = links.Ip[i];
            var key = $"Edge:Gateway:Links:Ip:{i}";
            if (string.IsNullOrWhiteSpace(ip.Name))
            {
                errors.Add($"{key}:Name is required");
            }
            else if (!names.Add(ip.Name))
            {
                errors.Add($"{key}:Name '{ip.Name}' is used by another link");
            }

            if (!string.IsNullOrEmpty(ip.Url) && !Uri.TryCreate(ip.Url, UriKind.Absolute, out _))
            {
                errors.Add($"{key}:Url '{ip.Url}' is not an absolute URL");
            }

            if (!ip.ProbePath.StartsWith('/'))
            {
                errors.Add($"{key}:ProbePath must start with /");
            }

            if (ip.ProbeInterval <= TimeSpan.Zero)
            {
                errors.Add($"{key}:ProbeInterval must be positive");
            }

            ValidatePolicy(ip.Policy, $"{key}:Policy", errors);
        }

        if (!string.IsNullOrEmpty(links.Iridium.Port))
        {
            if (names.Contains("iridium"))
            {
                errors.Add("the link name 'iridium' is taken by the Iridium link");
            }

            ValidatePolicy(links.Iridium.Policy, "Edge:Gateway:Links:Iridium:Policy", errors);
        }

        if (!string.IsNullOrEmpty(links.AzureIotHub.HostName))
        {
            ValidatePolicy(links.AzureIotHub.Policy, "Edge:Gateway:Links:AzureIotHub:Policy", errors);
        }
    }

    private static void ValidatePolicy(LinkPolicyOptions policy, string key, List<string> errors)
    {
        if (policy.Allow.Within(TrafficClass.All) is false || policy.WhenExhausted.Within(TrafficClass.All) is false)
        {
            errors.Add($"{key}:Allow and WhenExhausted take Alarm, Status, Reading, Backfill, Gap, All or None");
        }

        if (policy.DailyBytes < 0 || policy.MonthlyBytes < 0)
        {
            errors.Add($"{key}:DailyBytes and MonthlyBytes must be 0 (no limit) or positive");
        }

        if (!(policy.ReserveShare is >= 0 and < 1))
        {
            errors.Add($"{key}:ReserveShare must be at least 0 and below 1");
        }

        if (policy.MaxMessageBytes < 0)
        {
            errors.Add($"{key}:MaxMessageBytes must be 0 (the link's default) or positive");
        }

        if (!(policy.CostPerByte >= 0))
        {
            errors.Add($"{key}:CostPerByte must not be negative");
        }

        if (policy.Hysteresis < TimeSpan.Zero)
        {
            errors.Add($"{key}:Hysteresis must not be negative");
        }

        try
        {
            BudgetPeriods.FindZone(policy.TimeZone);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            errors.Add($"{key}:TimeZone '{policy.TimeZone}' is not a known time zone");
        }
    }
}
