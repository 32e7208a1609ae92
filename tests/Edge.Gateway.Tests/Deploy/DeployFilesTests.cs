using System.Globalization;
using Edge.Gateway.Hosting;
using Edge.Gateway.Tests.Support;

namespace Edge.Gateway.Tests.Deploy;

/// <summary>gateway/deploy: the systemd unit (parsed, and verified by systemd-analyze) and install.sh (run twice into a scratch root, as root).</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class DeployFilesTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Unit_RequiredKeys_NotifyWatchdogRestartUserStateAndHardening()
    {
        var unit = UnitFile.Parse(File.ReadAllText(RepoPaths.Unit));

        Assert.Equal("notify", unit.Single("Service", "Type"));
        Assert.Equal("main", unit.Single("Service", "NotifyAccess"));
        Assert.Equal("on-failure", unit.Single("Service", "Restart"));
        Assert.Equal("edge-gateway", unit.Single("Service", "User"));
        Assert.Equal("edge-gateway", unit.Single("Service", "StateDirectory"));
        Assert.Equal("multi-user.target", unit.Single("Install", "WantedBy"));
        Assert.Equal("/opt/edge-gateway/Edge.Gateway --config /etc/edge-gateway/gateway.json", unit.Single("Service", "ExecStart"));
        Assert.Equal("2", unit.Single("Service", "RestartPreventExitStatus")); // Program.cs: a configuration error exits 2

        // The gateway pings every min(ProbeInterval, WatchdogSec / 2): at least two pings must fit in the timeout.
        var watchdog = UnitFile.Seconds(unit.Single("Service", "WatchdogSec"));
        Assert.True(watchdog >= 2 * new Edge.Gateway.Diagnostics.HealthOptions().ProbeInterval.TotalSeconds, $"WatchdogSec={watchdog}s");

        // The data dir the gateway is told is the StateDirectory systemd creates for the service user.
        var environment = unit.All("Service", "Environment").Select(e => e.Split('=', 2)).ToDictionary(e => e[0], e => (object?)e[1]);
        var settings = EdgeEnvironment.Read(environment);
        Assert.Equal("/var/lib/edge-gateway", settings["Edge:Gateway:DataDir"]);

        foreach (var (key, value) in new[]
        {
            ("NoNewPrivileges", "yes"), ("ProtectSystem", "strict"), ("ProtectHome", "yes"), ("PrivateTmp", "yes"),
            ("ProtectKernelTunables", "yes"), ("ProtectControlGroups", "yes"), ("RestrictSUIDSGID", "yes"), ("CapabilityBoundingSet", ""),
        })
        {
            Assert.Equal(value, unit.Single("Service", key));
        }

        // The JIT needs writable and executable memory.
        Assert.Empty(unit.All("Service", "MemoryDenyWriteExecute"));
    }

    [ToolFact("systemd-analyze")]
    public async Task Unit_SystemdAnalyzeVerify_NoComplaints()
    {
        // A scratch root with the system's units (for the targets named), the unit, and a stand-in executable.
        var root = _dir.File("root");
        Directory.CreateDirectory(Path.Combine(root, "etc", "systemd", "system"));
        Directory.CreateDirectory(Path.Combine(root, "opt", "edge-gateway"));
        CopyDirectory("/usr/lib/systemd/system", Path.Combine(root, "usr", "lib", "systemd", "system"));
        File.Copy(RepoPaths.Unit, Path.Combine(root, "etc", "systemd", "system", "edge-gateway.service"));
        var exe = Path.Combine(root, "opt", "edge-gateway", "Edge.Gateway");
        await File.WriteAllTextAsync(exe, "#!/bin/sh\n");
        File.SetUnixFileMode(exe, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

        var result = await Tool.RunAsync("systemd-analyze", ["verify", "--root=" + root, "--man=no", "--generators=no", "edge-gateway.service"], TimeSpan.FromSeconds(60));

        // verify exits 0 even for unknown keys or values it ignores; those are printed, so nothing may be printed.
        Assert.True(result.Exit == 0 && result.Stdout.Length == 0 && result.Stderr.Length == 0, Tool.Describe(result));
    }

    [ToolFact("systemd-sysusers", "systemctl")]
    public async Task Install_TwiceIntoScratchRoot_UserConfigUnitAndProgramOnceConfigKept()
    {
        var root = _dir.File("root");
        var published = _dir.File("publish");
        Directory.CreateDirectory(published);
        await File.WriteAllTextAsync(Path.Combine(published, "Edge.Gateway"), "#!/bin/sh\necho v1\n");
        File.SetUnixFileMode(Path.Combine(published, "Edge.Gateway"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        await File.WriteAllTextAsync(Path.Combine(published, "old.dll"), "gone in v2");
        var config = _dir.File("site.json");
        await File.WriteAllTextAsync(config, """{ "Edge": { "Gateway": { "Id": "gw-site-1" } } }""");

        var first = await Install(root, published, config);
        Assert.True(first.Exit == 0, Tool.Describe(first));

        // An operator edits the config; v2 of the program drops a file and changes another.
        var installedConfig = Path.Combine(root, "etc", "edge-gateway", "gateway.json");
        await File.WriteAllTextAsync(installedConfig, """{ "Edge": { "Gateway": { "Id": "gw-edited" } } }""");
        File.Delete(Path.Combine(published, "old.dll"));
        await File.WriteAllTextAsync(Path.Combine(published, "Edge.Gateway"), "#!/bin/sh\necho v2\n");
        var second = await Install(root, published, config);
        Assert.True(second.Exit == 0, Tool.Describe(second));

        var passwd = await File.ReadAllLinesAsync(Path.Combine(root, "etc", "passwd"));
        var user = Assert.Single(passwd, l => l.StartsWith("edge-gateway:", StringComparison.Ordinal)).Split(':');
        Assert.Equal(["/var/lib/edge-gateway", "/usr/sbin/nologin"], user[5..7]);
        Assert.NotEqual("0", user[2]);
        var group = await File.ReadAllLinesAsync(Path.Combine(root, "etc", "group"));
        foreach (var member in new[] { "dialout:", "gpio:", "i2c:" })
        {
            // Serial ports, GPIO (pulse meters) and I2C (sensors); gpio and i2c are created where the system lacks them.
            Assert.Contains("edge-gateway", Assert.Single(group, l => l.StartsWith(member, StringComparison.Ordinal)).Split(':')[3].Split(','));
        }

        var gid = Assert.Single(group, l => l.StartsWith("edge-gateway:", StringComparison.Ordinal)).Split(':')[2];

        Assert.Contains("gw-edited", await File.ReadAllTextAsync(installedConfig), StringComparison.Ordinal);
        Assert.Contains("kept", second.Stdout, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(installedConfig));
        Assert.Equal(gid, Stat(installedConfig, "%g"));

        var app = Path.Combine(root, "opt", "edge-gateway");
        Assert.Equal("#!/bin/sh\necho v2\n", await File.ReadAllTextAsync(Path.Combine(app, "Edge.Gateway")));
        Assert.False(File.Exists(Path.Combine(app, "old.dll")));
        Assert.True(File.GetUnixFileMode(Path.Combine(app, "Edge.Gateway")).HasFlag(UnixFileMode.OtherExecute));
        Assert.Equal(["edge-gateway"], Directory.GetFileSystemEntries(Path.Combine(root, "opt")).Select(Path.GetFileName));

        Assert.Equal(await File.ReadAllTextAsync(RepoPaths.Unit), await File.ReadAllTextAsync(Path.Combine(root, "etc", "systemd", "system", "edge-gateway.service")));
        var wants = new FileInfo(Path.Combine(root, "etc", "systemd", "system", "multi-user.target.wants", "edge-gateway.service"));
        Assert.Equal("/etc/systemd/system/edge-gateway.service", wants.LinkTarget);
    }

    [Fact]
    public async Task Install_PublishedDirWithoutExecutable_RefusesWithExit2()
    {
        Directory.CreateDirectory(_dir.File("empty"));

        var result = await Install(_dir.File("root"), _dir.File("empty"), null);

        Assert.Equal(2, result.Exit);
        Assert.Contains("Edge.Gateway is missing", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_dir.File("root"), "opt")));
    }

    private static Task<(int Exit, string Stdout, string Stderr)> Install(string root, string published, string? config) =>
        Tool.RunAsync("/bin/sh", [Path.Combine(RepoPaths.Deploy, "install.sh"), "--root", root, published, .. config is null ? Array.Empty<string>() : [config]], TimeSpan.FromSeconds(60));

    private static string Stat(string path, string format)
    {
        var result = Tool.RunAsync("stat", ["-c", format, path], TimeSpan.FromSeconds(10)).GetAwaiter().GetResult();
        return result.Stdout.Trim();
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var entry in new DirectoryInfo(from).EnumerateFileSystemInfos())
        {
            var target = Path.Combine(to, entry.Name);
            if (entry.LinkTarget is { } link)
            {
                File.CreateSymbolicLink(target, link);
            }
            else if (entry is DirectoryInfo dir)
            {
                CopyDirectory(dir.FullName, target);
            }
            else
            {
                File.Copy(entry.FullName, target);
            }
        }
    }

    /// <summary>A systemd unit file read as sections of key=value lines (keys may repeat; comments and blank lines skipped).</summary>
    private sealed class UnitFile
    {
        private readonly List<(string Section, string Key, string Value)> _entries = [];

        public static UnitFile Parse(string text)
        {
            var unit = new UnitFile();
            var section = "";
            foreach (var raw in text.Split('\n'))
            {
                var line = raw.Trim();
                if (line.Length == 0 || line[0] is '#' or ';')
                {
                    continue;
                }

                if (line[0] == '[')
                {
                    section = line.Trim('[', ']');
                    continue;
                }

                var eq = line.IndexOf('=', StringComparison.Ordinal);
                Assert.True(eq > 0, $"not key=value: {line}");
                unit._entries.Add((section, line[..eq].Trim(), line[(eq + 1)..].Trim()));
            }

            return unit;
        }

        /// <summary>A systemd time span such as <c>90</c>, <c>5s</c>, <c>1min</c>, <c>2min 30s</c>, in seconds.</summary>
        public static double Seconds(string span)
        {
            double total = 0;
            foreach (var part in span.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var digits = new string([.. part.TakeWhile(char.IsDigit)]);
                var unit = part[digits.Length..];
                total += double.Parse(digits, CultureInfo.InvariantCulture) * unit switch
                {
                    "" or "s" or "sec" => 1,
                    "min" or "m" => 60,
                    "h" or "hr" => 3600,
                    _ => throw new FormatException($"unit {unit} in {span}"),
                };
            }

            return total;
        }

        public string Single(string section, string key) => Assert.Single(All(section, key));

        public List<string> All(string section, string key) =>
            [.. _entries.Where(e => e.Section == section && e.Key == key).Select(e => e.Value)];
    }
}
