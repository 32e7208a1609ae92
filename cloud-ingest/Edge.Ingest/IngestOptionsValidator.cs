using Edge.Ingest.Auth;
using Microsoft.Extensions.Options;

namespace Edge.Ingest;

/// <summary>Checks <see cref="IngestOptions"/> at start-up so that a bad configuration fails loudly, not per request.</summary>
public sealed class IngestOptionsValidator : IValidateOptions<IngestOptions>
{
    /// <summary>Largest allowed <see cref="IngestOptions.MaxBodyBytes"/>: 1 GiB.</summary>
    public const long MaxBodyBytesCeiling = 1L << 30;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, IngestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DatabasePath))
        {
            failures.Add("DatabasePath must be set.");
        }

        if (options.MaxBodyBytes is <= 0 or > MaxBodyBytesCeiling)
        {
            failures.Add($"MaxBodyBytes must be 1 to {MaxBodyBytesCeiling} (the body is held in memory).");
        }

        if (options.MaxReadingsPerBatch <= 0)
        {
            failures.Add("MaxReadingsPerBatch must be positive.");
        }

        if (options.MaxFutureSkew < TimeSpan.Zero)
        {
            failures.Add("MaxFutureSkew must not be negative.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.ApiKeys.Count; i++)
        {
            var key = options.ApiKeys[i];
            if (string.IsNullOrEmpty(key.Key))
            {
                failures.Add($"ApiKeys[{i}].Key must be set.");
            }
            else if (!seen.Add(key.Key))
            {
                failures.Add($"ApiKeys[{i}].Key is configured twice.");
            }

            if (key.Role is null)
            {
                failures.Add($"ApiKeys[{i}].Role must be gateway, waterworks (or reader), disaster, welfare or admin.");
            }
            else if (key.Role == CallerRole.Gateway && string.IsNullOrEmpty(key.GatewayId))
            {
                failures.Add($"ApiKeys[{i}] has the gateway role and needs a GatewayId.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
