using Microsoft.Extensions.Options;

namespace Edge.Ingest.Analytics.AreaService;

/// <summary>
/// Loads the area catalogue of <see cref="AreaServiceOptions.CatalogPath"/> once (the worker forces it at start, so a
/// missing or invalid file stops the service with every defect listed, as the registry seed does).
/// </summary>
public sealed class StatusAreaCatalogSource(IOptions<AreaServiceOptions> options, IHostEnvironment environment)
{
    private readonly Lazy<StatusAreaCatalog> _catalog = new(() => Load(options.Value, environment));

    /// <summary>The catalogue; <see cref="StatusAreaCatalog.Empty"/> when no path is set.</summary>
    /// <exception cref="InvalidOperationException">The file cannot be read or has defects.</exception>
    public StatusAreaCatalog Catalog => _catalog.Value;

    private static StatusAreaCatalog Load(AreaServiceOptions options, IHostEnvironment environment)
    {
        if (options.CatalogPath is not { Length: > 0 } configured)
        {
            return StatusAreaCatalog.Empty;
        }

        var path = Path.GetFullPath(configured, environment.ContentRootPath);
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (IOException ex)
        {
            throw new InvalidOperationException($"{AreaServiceOptions.SectionName}:CatalogPath {DetailText.Quote(path)} cannot be read: {ex.Message}", ex);
        }

        var (catalog, errors) = StatusAreaCatalogReader.Read(json);
        return catalog ?? throw new InvalidOperationException(
            $"{AreaServiceOptions.SectionName}:CatalogPath {DetailText.Quote(path)} is invalid: {string.Join(" ", errors)}");
    }
}
