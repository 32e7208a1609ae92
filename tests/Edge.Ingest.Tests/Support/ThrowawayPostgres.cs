using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Edge.Ingest.Tests.Support;

/// <summary>
/// A PostgreSQL cluster of its own in a temporary folder: <c>initdb</c>, then <c>postgres</c> on a free loopback port
/// with its unix socket in the same folder, fsync on (durability is what the store promises, so it is what we test
/// and measure). <see cref="Dispose"/> stops it (<c>pg_ctl stop -m fast</c>) and removes the folder. PostgreSQL
/// refuses to run as root, so as root the binaries run as the <c>postgres</c> system user that the Debian package
/// creates, through <c>runuser</c>, with the folder handed to that user. Also compiled into Edge.Benchmarks.
/// </summary>
public sealed class ThrowawayPostgres : IDisposable
{
    private static readonly TimeSpan _commandTimeout = TimeSpan.FromSeconds(120);
    private readonly string _binDir;
    private readonly bool _asPostgresUser;
    private bool _running;

    private ThrowawayPostgres(string root, string binDir, bool asPostgresUser, int port)
    {
        Root = root;
        _binDir = binDir;
        _asPostgresUser = asPostgresUser;
        Port = port;
    }

    /// <summary>The temporary folder: <c>data/</c>, the socket and <c>server.log</c>.</summary>
    public string Root { get; }

    /// <summary>The loopback TCP port the server listens on.</summary>
    public int Port { get; }

    /// <summary>Connection string of the <c>postgres</c> database as the superuser <c>postgres</c> (trust auth, loopback only).</summary>
    public string ConnectionString =>
        string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres");

    private string DataDir => Path.Combine(Root, "data");

    private string LogPath => Path.Combine(Root, "server.log");

    /// <summary>
    /// Creates and starts a cluster. <paramref name="settings"/> are extra server settings (<c>name=value</c>).
    /// Throws <see cref="InvalidOperationException"/> with the server log when it does not come up.
    /// </summary>
    public static ThrowawayPostgres Start(params string[] settings)
    {
        var binDir = FindBinDir();
        var asPostgresUser = IsRoot();
        var root = Path.Combine(Path.GetTempPath(), $"edge-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        var cluster = new ThrowawayPostgres(root, binDir, asPostgresUser, FreePort());
        try
        {
            cluster.InitAndStart(settings);
            return cluster;
        }
        catch
        {
            cluster.Dispose();
            throw;
        }
    }

    /// <summary>Stops the server and deletes its folder; never throws.</summary>
    public void Dispose()
    {
        if (_running)
        {
            try
            {
                Run("pg_ctl", "stop", "-D", DataDir, "-m", "fast", "-w", "-t", "60");
            }
            catch (InvalidOperationException)
            {
                // Removing the folder below still leaves nothing behind but a stopped-or-dying server.
            }

            _running = false;
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover temp folder must not fail the run.
        }
    }

    private void InitAndStart(string[] settings)
    {
        if (_asPostgresUser)
        {
            Run("/bin/chown", "postgres:postgres", Root);
        }

        // No fsync while initdb writes the template files: a throwaway cluster's own creation needs no durability;
        // the running server below keeps fsync on.
        Run("initdb", "-D", DataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync");
        var options = new StringBuilder(string.Create(
            CultureInfo.InvariantCulture, $"-p {Port} -k {Root} -c listen_addresses=127.0.0.1 -c fsync=on"));
        foreach (var setting in settings)
        {
            options.Append(CultureInfo.InvariantCulture, $" -c {setting}");
        }

        try
        {
            _running = true;
            Run("pg_ctl", "start", "-D", DataDir, "-l", LogPath, "-w", "-t", "60", "-o", options.ToString());
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidOperationException($"{ex.Message}\nserver log {LogPath}:\n{ReadLog()}", ex);
        }
    }

    private string ReadLog()
    {
        try
        {
            return File.Exists(LogPath) ? File.ReadAllText(LogPath) : "(no log written)";
        }
        catch (IOException ex)
        {
            return $"(log unreadable: {ex.Message})";
        }
    }

    private void Run(string tool, params string[] args)
    {
        var path = tool.StartsWith('/') ? tool : Path.Combine(_binDir, tool);
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (_asPostgresUser && !tool.StartsWith('/'))
        {
            start.FileName = "runuser";
            foreach (var arg in new[] { "-u", "postgres", "--", path })
            {
                start.ArgumentList.Add(arg);
            }
        }
        else
        {
            start.FileName = path;
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(_commandTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{start.FileName} {string.Join(' ', start.ArgumentList)} did not finish in {_commandTimeout.TotalSeconds:F0} s");
        }

        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{start.FileName} {string.Join(' ', start.ArgumentList)} exited with {process.ExitCode}: {stdout.Result}{stderr.Result}");
        }
    }

    // pg_config knows the server binaries of the installed major version; Debian keeps them out of PATH.
    private static string FindBinDir()
    {
        var candidates = new List<string>();
        try
        {
            candidates.Add(Capture("pg_config", "--bindir").Trim());
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // No pg_config (libpq-dev): look where the Debian server packages put the binaries.
        }

        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var major) ? major : 0)
                .Select(d => Path.Combine(d, "bin")));
        }

        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries));
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
            ?? throw new InvalidOperationException(
                "PostgreSQL server binaries (initdb, pg_ctl) were not found via pg_config --bindir, /usr/lib/postgresql/*/bin " +
                "or PATH: install the Debian package 'postgresql' (.ci/run does), or set EDGE_PG to a connection string.");
    }

    private static bool IsRoot() => Capture("id", "-u").Trim() == "0";

    private static string Capture(string file, string arg)
    {
        var start = new ProcessStartInfo(file, arg) { RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{file} {arg} exited with {process.ExitCode}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
