using Edge.Uplink.Control;

namespace Edge.Gateway.Control;

/// <summary>
/// The last good desired document on disk, so it survives a reboot and applies with no link at all. Saved by writing a
/// temporary file beside it, fsyncing it and renaming it over the old one (a power cut leaves the old or the new
/// document, never half of one). Loaded with the same checks as a document from the cloud.
/// </summary>
public sealed class DesiredConfigFile(string path)
{
    /// <summary>Full path of the file.</summary>
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>The stored document; null when there is none, or with <paramref name="error"/> when it cannot be read.</summary>
    public DesiredConfig? Load(out string? error)
    {
        error = null;
        byte[] bytes;
        try
        {
            if (!File.Exists(Path))
            {
                return null;
            }

            bytes = File.ReadAllBytes(Path);
        }
        catch (IOException ex)
        {
            error = $"cannot read {Path}: {ex.Message}";
            return null;
        }
        catch (UnauthorizedAccessException ex)
        {
            error = $"cannot read {Path}: {ex.Message}";
            return null;
        }

        var config = DesiredConfigJson.Parse(bytes, out var errors);
        if (config is null)
        {
            error = $"{Path} is not a valid desired document: {string.Join("; ", errors)}";
        }

        return config;
    }

    /// <summary>Writes <paramref name="config"/> durably; throws <see cref="IOException"/> when it cannot.</summary>
    public void Save(DesiredConfig config)
    {
        var folder = System.IO.Path.GetDirectoryName(Path)!;
        Directory.CreateDirectory(folder);
        var temp = System.IO.Path.Combine(folder, "." + System.IO.Path.GetFileName(Path) + ".tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                stream.Write(DesiredConfigJson.Write(config));
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, Path, overwrite: true);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new IOException($"cannot write {Path}: {ex.Message}", ex);
        }
    }
}
