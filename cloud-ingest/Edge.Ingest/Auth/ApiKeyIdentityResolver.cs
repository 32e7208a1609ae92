using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Edge.Ingest.Auth;

/// <summary>Resolves callers by the <c>X-Api-Key</c> header against the configured <see cref="IngestOptions.ApiKeys"/>.</summary>
public sealed class ApiKeyIdentityResolver : ICallerIdentityResolver
{
    /// <summary>Request header that carries the API key.</summary>
    public const string HeaderName = "X-Api-Key";

    // Keys are looked up by their SHA-256, so lookup time reveals nothing useful about a configured key.
    private readonly Dictionary<string, CallerIdentity> _callersByKeyHash;

    /// <summary>Creates the resolver from validated options.</summary>
    public ApiKeyIdentityResolver(IOptions<IngestOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _callersByKeyHash = new Dictionary<string, CallerIdentity>(StringComparer.Ordinal);
        foreach (var key in options.Value.ApiKeys)
        {
            // IngestOptionsValidator refuses such keys at start-up; never grant a default role to one.
            if (key.Role is not { } role || string.IsNullOrEmpty(key.Key))
            {
                continue;
            }

            var gatewayId = string.IsNullOrEmpty(key.GatewayId) ? null : key.GatewayId;
            _callersByKeyHash[Hash(key.Key)] = new CallerIdentity(role, gatewayId);
        }
    }

    /// <inheritdoc />
    public ValueTask<CallerResolution> ResolveAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var values = context.Request.Headers[HeaderName];
        if (values.Count == 0 || string.IsNullOrEmpty(values[0]))
        {
            return ValueTask.FromResult(CallerResolution.Fail($"The {HeaderName} header is missing."));
        }

        if (values.Count > 1)
        {
            return ValueTask.FromResult(CallerResolution.Fail($"The {HeaderName} header must be sent once."));
        }

        return ValueTask.FromResult(_callersByKeyHash.TryGetValue(Hash(values[0]!), out var caller)
            ? CallerResolution.Success(caller)
            : CallerResolution.Fail($"The {HeaderName} value is not a known API key."));
    }

    private static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
