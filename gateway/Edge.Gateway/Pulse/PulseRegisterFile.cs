using System.Globalization;

namespace Edge.Gateway.Pulse;

/// <summary>
/// A GPIO pulse meter's register, kept in <c>{DataDir}/pulse-meters/{device}.register</c> so that a restart continues
/// from it: one line, <c>millilitres flags</c>. Written to a temporary file, flushed to disk and renamed over the
/// old one, so a power cut leaves either the old or the new value, never a torn one.
/// </summary>
internal sealed class PulseRegisterFile(string dataDir, string device)
{
    /// <summary>Path of the file.</summary>
    public string Path { get; } = System.IO.Path.Combine(dataDir, "pulse-meters", FileName(device));

    /// <summary>The saved register and the flags not yet reported, or zeros when there is no file (a new meter).</summary>
    /// <exception cref="InvalidDataException">The file exists but is not a register file.</exception>
    public (long Millilitres, int Flags) Load()
    {
        if (!File.Exists(Path))
        {
            return (0, 0);
        }

        var parts = File.ReadAllText(Path).Trim().Split(' ');
        if (parts.Length != 2
            || !long.TryParse(parts[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ml)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var flags))
        {
            throw new InvalidDataException($"{Path} is not a pulse register file ('millilitres flags').");
        }

        return (ml, flags);
    }

    /// <summary>Saves <paramref name="millilitres"/> and <paramref name="flags"/> durably.</summary>
    public void Save(long millilitres, int flags)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var temporary = Path + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            var bytes = System.Text.Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{millilitres} {flags}\n"));
            file.Write(bytes);
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, Path, overwrite: true);
    }

    // Device ids come from configuration; keep the file name to safe characters whatever they are.
    private static string FileName(string device) =>
        new string([.. device.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')]) + ".register";
}
