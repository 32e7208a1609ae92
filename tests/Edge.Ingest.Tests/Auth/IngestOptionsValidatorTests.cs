using Edge.Ingest.Auth;

namespace Edge.Ingest.Tests.Auth;

public sealed class IngestOptionsValidatorTests
{
    [Fact]
    public void Validate_DemoLikeKeys_Succeeds()
    {
        var options = Options(
            new ApiKeyOptions { Key = "g", Role = CallerRole.Gateway, GatewayId = "gw-1" },
            new ApiKeyOptions { Key = "r", Role = CallerRole.Reader });

        Assert.True(new IngestOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("", "reader", null, "Key must be set")]
    [InlineData("k", null, null, "Role must be")]
    [InlineData("k", "gateway", null, "needs a GatewayId")]
    public void Validate_BadKey_FailsNamingIt(string key, string? role, string? gatewayId, string expected)
    {
        var options = Options(new ApiKeyOptions
        {
            Key = key,
            Role = role is null ? null : Enum.Parse<CallerRole>(role, ignoreCase: true),
            GatewayId = gatewayId,
        });

        var result = new IngestOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SameKeyTwice_Fails()
    {
        var options = Options(
            new ApiKeyOptions { Key = "same", Role = CallerRole.Reader },
            new ApiKeyOptions { Key = "same", Role = CallerRole.Admin });

        Assert.Contains("configured twice", new IngestOptionsValidator().Validate(null, options).FailureMessage, StringComparison.Ordinal);
    }

    private static IngestOptions Options(params ApiKeyOptions[] keys)
    {
        var options = new IngestOptions();
        foreach (var key in keys)
        {
            options.ApiKeys.Add(key);
        }

        return options;
    }
}
