namespace Edge.Gateway.Links.Routing;

/// <summary>
/// Link choice (DESIGN.md gateway promise 4): a batch that carries alarms goes on the first link (by
/// <see cref="LinkPolicyOptions.Priority"/>) that takes alarms now, is healthy or recovering, and has budget;
/// anything else on the cheapest link that allows all its classes, is healthy past its hysteresis and has budget.
/// When no healthy link fits, a down link without a probe whose retry wait is over is tried (that send is its
/// probe). The batcher asks the same questions to decide which classes to cut together and how large.
/// </summary>
public sealed class LinkRouter : IDisposable
{
    /// <summary>An alarm does not wait behind a send on its first link that has run this long already.</summary>
    public static readonly TimeSpan AlarmBusyWait = TimeSpan.FromSeconds(10);

    internal LinkRouter(IReadOnlyList<LinkLane> lanes)
    {
        Lanes = [.. lanes.OrderBy(l => l.Order)];
    }

    /// <summary>The links, in alarm order.</summary>
    public IReadOnlyList<LinkLane> Lanes { get; }

    /// <summary>
    /// One link that takes everything with no budget: the batcher keeps its single drain order and the uplink its
    /// oldest-first order, exactly as without link choice.
    /// </summary>
    public bool IsSingleUnrestricted => Lanes.Count == 1 && Lanes[0].Policy.Allow == TrafficClass.All && Lanes[0].Policy.DailyBytes <= 0 && Lanes[0].Policy.MonthlyBytes <= 0;

    /// <summary>The link a batch of <paramref name="classes"/> and <paramref name="bodyBytes"/> bytes goes on now, with its wire allowance; null when none.</summary>
    public (LinkLane Lane, long Allowance)? Choose(TrafficClass classes, int bodyBytes, DateTimeOffset now)
    {
        var alarm = (classes & TrafficClass.Alarm) != 0;
        (LinkLane Lane, long Allowance)? best = null;
        (LinkLane Lane, long Allowance)? busy = null;
        (LinkLane Lane, long Allowance)? retry = null;
        foreach (var lane in Lanes)
        {
            if (lane.Room(classes, lane.Link.EstimateWireBytes(bodyBytes), now) is not { } allowance)
            {
                continue;
            }

            if (alarm ? lane.TakesAlarms(now) : lane.TakesBulk(now))
            {
                if (alarm)
                {
                    if (lane.BusyFor(now) > AlarmBusyWait)
                    {
                        busy ??= (lane, allowance);
                        continue;
                    }

                    return (lane, allowance);
                }

                if (best is null || lane.Policy.CostPerByte < best.Value.Lane.Policy.CostPerByte)
                {
                    best = (lane, allowance);
                }
            }
            else if (lane.RetryDue(now) && (retry is null || (!alarm && lane.Policy.CostPerByte < retry.Value.Lane.Policy.CostPerByte)))
            {
                retry = (lane, allowance);
            }
        }

        return best ?? busy ?? retry;
    }

    /// <summary>The link the batcher should cut a batch of <paramref name="dataClass"/> for now (a small batch is assumed for the budget check).</summary>
    public LinkLane? TargetFor(TrafficClass dataClass, DateTimeOffset now) => Choose(dataClass, 64, now)?.Lane;

    /// <summary>
    /// Classes that may ride with alarms: those every alarm-carrying link also takes, also when exhausted, so an
    /// alarm batch can always move to another link when its first one fails.
    /// </summary>
    public TrafficClass AlarmCompanions()
    {
        var companions = TrafficClass.All;
        foreach (var lane in Lanes.Where(l => (l.Policy.Allow & TrafficClass.Alarm) != 0))
        {
            companions &= lane.Policy.Allow;
            if (lane.Policy.DailyBytes > 0 || lane.Policy.MonthlyBytes > 0)
            {
                companions &= lane.Policy.WhenExhausted | TrafficClass.Alarm;
            }
        }

        return companions;
    }

    /// <summary>Disposes the IP links it created (the Iridium port link belongs to the host).</summary>
    public void Dispose()
    {
        foreach (var lane in Lanes)
        {
            (lane.Link as Ip.IpLink)?.Dispose();
        }
    }

    /// <summary>Every link's state now.</summary>
    public IReadOnlyList<LinkStatus> Status(DateTimeOffset now) => [.. Lanes.Select(lane =>
    {
        var usage = lane.Usage(now);
        return new LinkStatus(
            lane.Name, lane.State(now), lane.ConsecutiveFailures, lane.Exhausted(now), usage,
            lane.Policy.DailyBytes > 0 ? Math.Max(0, lane.Policy.DailyBytes - usage.DayBytes) : null,
            lane.Policy.MonthlyBytes > 0 ? Math.Max(0, lane.Policy.MonthlyBytes - usage.MonthBytes) : null,
            usage.MonthBytes * lane.Policy.CostPerByte);
    })];
}
