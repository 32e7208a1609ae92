using Edge.Ingest.Auth;
using Microsoft.Extensions.Options;
using Npgsql;

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
        ValidateStorage(options, failures);

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

        if (options.RateLimit.RequestsPerMinute < 0 || options.RateLimit.Burst <= 0)
        {
            failures.Add("RateLimit:RequestsPerMinute must be 0 (no limit) or more and RateLimit:Burst at least 1.");
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

    private static void ValidateStorage(IngestOptions options, List<string> failures)
    {
        var storage = options.Storage;
        if (storage.IsPostgres)
        {
            if (string.IsNullOrWhiteSpace(storage.ConnectionString))
            {
                failures.Add("Storage:ConnectionString must be set when Storage:Provider is postgres (e.g. Host=db;Database=edge;Username=ingest).");
                return;
            }

            try
            {
                // Parsing checks the keywords and values; the server is first contacted at start-up.
                _ = new NpgsqlConnectionStringBuilder(storage.ConnectionString);
            }
            catch (ArgumentException ex)
            {
                failures.Add($"Storage:ConnectionString is not a valid PostgreSQL connection string: {ex.Message}");
            }
        }
        else if (!storage.IsSqlite)
        {
            failures.Add($"Storage:Provider must be sqlite or postgres, not {DetailText.Quote(storage.Provider ?? "")}.");
        }
        else if (string.IsNullOrWhiteSpace(options.DatabasePath))
        {
            failures.Add("DatabasePath must be set.");
        }
    }
}
