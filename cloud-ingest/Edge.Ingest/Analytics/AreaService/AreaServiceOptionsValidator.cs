using Microsoft.Extensions.Options;

namespace Edge.Ingest.Analytics.AreaService;

/// <summary>Refuses to start with invalid <see cref="AreaServiceOptions"/>, naming every defect.</summary>
public sealed class AreaServiceOptionsValidator : IValidateOptions<AreaServiceOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, AreaServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
