using System.Diagnostics;
using Edge.HwSim.Demo;
using Edge.HwSim.Fleet;

namespace Edge.HwSim.Tests.EndToEnd;

/// <summary>
/// Cuts the power of the gateway child process (SIGKILL) at random moments after it got ready and starts it
/// again over the same store, noting whether each cut landed while devices were waiting for a PUBACK.
/// </summary>
public sealed class GatewayKiller(SimStack stack, UplinkProbe probe, Random random)
{
    private readonly List<TimeSpan> _startTimes = [];

    /// <summary>Kills done.</summary>
    public int Kills { get; private set; }

    /// <summary>Kills that landed while at least one device publish was in flight.</summary>
    public int KillsDuringPublishes { get; private set; }

    /// <summary>Device publishes in flight at the moments of the kills, summed.</summary>
    public long PublishesInFlightAtKills { get; private set; }

    /// <summary>How long each restart took until the gateway's ready line.</summary>
    public IReadOnlyList<TimeSpan> StartTimes => _startTimes;

    /// <summary>Kills and restarts the gateway <paramref name="kills"/> times, each a random delay after it got ready.</summary>
    public async Task RunAsync(int kills, int minDelayMs, int maxDelayMs, CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < kills; i++)
        {
            await Task.Delay(random.Next(minDelayMs, maxDelayMs + 1), cancellationToken);
            var inFlight = probe.MarkCut();
            await stack.KillGatewayAsync();
            Kills++;
            PublishesInFlightAtKills += inFlight;
            if (inFlight > 0)
            {
                KillsDuringPublishes++;
            }

            var started = Stopwatch.GetTimestamp();
            await stack.StartGatewayAsync(cancellationToken);
            _startTimes.Add(Stopwatch.GetElapsedTime(started));
        }
    }
}
