using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging.Console;

namespace Edge.Gateway.Hosting;

/// <summary>
/// Runs the host as a systemd <c>Type=notify</c> service (gateway/deploy/edge-gateway.service): <c>READY=1</c>
/// once every hosted service started, <c>STOPPING=1</c> at shutdown, SIGTERM handling and journal-friendly log
/// lines. Microsoft.Extensions.Hosting.Systemd 10 turns this on only when the parent process is systemd, which it
/// cannot see with <c>ProtectProc=invisible</c> (/proc/1 hidden) and which is not so in a test; systemd's own
/// signal that it waits for notifications is <c>NOTIFY_SOCKET</c>, so that turns it on too (as .NET 11 does).
/// </summary>
internal static class SystemdRegistration
{
    public static void AddSystemd(IServiceCollection services)
    {
        services.AddSystemd();
        if (!SystemdHelpers.IsSystemdService() && !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NOTIFY_SOCKET")))
        {
            services.Configure<ConsoleLoggerOptions>(o => o.FormatterName = ConsoleFormatterNames.Systemd);
            services.AddSingleton<ISystemdNotifier, SystemdNotifier>();
            services.AddSingleton<IHostLifetime, SystemdLifetime>();
        }
    }
}
