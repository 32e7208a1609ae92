using System.Net;
using System.Text;
using Edge.Gateway.Radio;
using Edge.Gateway.Store;
using Edge.Uplink;
using Microsoft.Extensions.Options;

namespace Edge.Gateway.Hosting;

/// <summary>Refuses to start with settings that cannot work, naming each problem.</summary>
internal sealed class GatewayOptionsValidator : IValidateOptions<GatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Id))
        {
            errors.Add("Edge:Gateway:Id is required");
        }
        else if (Encoding.UTF8.GetByteCount(options.Id) > BatchLimits.MaxIdBytes)
        {
            errors.Add($"Edge:Gateway:Id is longer than {BatchLimits.MaxIdBytes} bytes");
        }

        if (string.IsNullOrWhiteSpace(options.DataDir))
        {
            errors.Add("Edge:Gateway:DataDir is required");
        }

        if (options.Mqtt.Port is < 0 or > 65535)
        {
            errors.Add($"Edge:Gateway:Mqtt:Port {options.Mqtt.Port} is not a TCP port");
        }

        if (!IPAddress.TryParse(options.Mqtt.BindAddress, out _))
        {
            errors.Add($"Edge:Gateway:Mqtt:BindAddress '{options.Mqtt.BindAddress}' is not an IP address");
        }

        errors.AddRange(Control.ControlOptionsCheck.Errors(options.Control));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var device in options.Devices)
        {
            if (string.IsNullOrEmpty(device.Id) || device.Id.Contains('/', StringComparison.Ordinal) || device.Id.Contains('+', StringComparison.Ordinal) || device.Id.Contains('#', StringComparison.Ordinal))
            {
                errors.Add($"device id '{device.Id}' is empty or contains an MQTT topic character (/ + #)");
            }
            else if (Encoding.UTF8.GetByteCount(device.Id) > BatchLimits.MaxIdBytes)
            {
                errors.Add($"device id '{device.Id[..16]}...' is longer than {BatchLimits.MaxIdBytes} bytes");
            }
            else if (!seen.Add(device.Id))
            {
                errors.Add($"device id '{device.Id}' is listed twice");
            }

            if (string.IsNullOrEmpty(device.Password))
            {
                errors.Add($"device '{device.Id}' has no password");
            }
        }

        if (options.Batch.MaxReadings < 1)
        {
            errors.Add("Edge:Gateway:Batch:MaxReadings must be at least 1");
        }

        if (options.Batch.MaxBytes < 0)
        {
            errors.Add("Edge:Gateway:Batch:MaxBytes must be 0 (no limit) or positive");
        }

        if (options.Batch.MaxPendingBatches < 1)
        {
            errors.Add("Edge:Gateway:Batch:MaxPendingBatches must be at least 1");
        }

        Positive(errors, options.Batch.MaxDelay, "Batch:MaxDelay");
        NotNegative(errors, options.Batch.AlarmMaxDelay, "Batch:AlarmMaxDelay");
        NotNegative(errors, options.Batch.StatusMaxDelay, "Batch:StatusMaxDelay");
        NotNegative(errors, options.Batch.BackfillMaxDelay, "Batch:BackfillMaxDelay");
        ValidateStore(errors, options.Store);
        SerialInputValidation.Validate(errors, options.Inputs);
        Positive(errors, options.Batch.PollInterval, "Batch:PollInterval");
        Positive(errors, options.Uplink.MinBackoff, "Uplink:MinBackoff");
        Positive(errors, options.Uplink.RequestTimeout, "Uplink:RequestTimeout");
        Positive(errors, options.Uplink.PollInterval, "Uplink:PollInterval");
        Positive(errors, options.CounterLogInterval, "CounterLogInterval");
        if (options.Uplink.MaxBackoff < options.Uplink.MinBackoff)
        {
            errors.Add("Edge:Gateway:Uplink:MaxBackoff must not be shorter than MinBackoff");
        }

        if (!string.IsNullOrEmpty(options.Ingest.Url) && !Uri.TryCreate(options.Ingest.Url, UriKind.Absolute, out _))
        {
            errors.Add($"Edge:Gateway:Ingest:Url '{options.Ingest.Url}' is not an absolute URL");
        }

        Links.Iridium.IridiumLinkOptionsCheck.Validate(options.Links.Iridium, errors);
        Diagnostics.HealthOptionsCheck.Validate(options.Health, errors);
        Links.Routing.LinkPolicyCheck.Validate(options.Links, errors);
        Links.AzureIotHub.AzureIotHubLinkOptionsCheck.Validate(options.Links, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateStore(List<string> errors, StoreOptions store)
    {
        if (store.MaxBytes < 1)
        {
            errors.Add("Edge:Gateway:Store:MaxBytes must be positive");
        }

        Positive(errors, store.BackfillAfter, "Store:BackfillAfter");
        Positive(errors, store.ExpiryInterval, "Store:ExpiryInterval");
        foreach (var dataClass in Enum.GetValues<DataClass>())
        {
            var limits = store.For(dataClass);
            if (!(limits.TtlDays > 0))
            {
                errors.Add($"Edge:Gateway:Store:{dataClass}:TtlDays must be positive");
            }

            if (!(limits.Share is >= 0 and <= 1))
            {
                errors.Add($"Edge:Gateway:Store:{dataClass}:Share must be between 0 and 1");
            }
        }
    }

    private static void NotNegative(List<string> errors, TimeSpan value, string key)
    {
        if (value < TimeSpan.Zero)
        {
            errors.Add($"Edge:Gateway:{key} must not be negative");
        }
    }

    private static void Positive(List<string> errors, TimeSpan value, string key)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"Edge:Gateway:{key} must be positive");
        }
    }
}
