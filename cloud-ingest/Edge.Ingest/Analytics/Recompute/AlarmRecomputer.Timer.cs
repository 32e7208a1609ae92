using Edge.Ingest.Analytics.Alarms;
using Edge.Ingest.Consumption;
using Edge.Ingest.Registry;

namespace Edge.Ingest.Analytics.Recompute;

public sealed partial class AlarmRecomputer
{
    /// <summary>Whole local months the consumption jump looks at: a year back plus the month before it.</summary>
    public const int JumpMonths = 13;

    private DateOnly? _jumpMonth;

    /// <summary>
    /// The timer's work: no communication of every water meter judged at now (late, lost: raised by time alone), on
    /// the first tick of a local month the consumption jump of every meter, and area checks that failed before.
    /// </summary>
    public async Task TickAsync(Func<string, Exception, bool> onError, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onError);
        var now = time.GetUtcNow();
        var local = TimeZoneInfo.ConvertTime(now, TokyoTime.Zone);
        var month = new DateOnly(local.Year, local.Month, 1);
        var jump = _jumpMonth != month;
        foreach (var meter in await registry.ListAsync(cancellationToken))
        {
            if (meter is not { Kind: DeviceKind.WaterMeter, Meter: not null })
            {
                continue;
            }

            try
            {
                await SilenceAsync(meter, now, cancellationToken);
                if (jump)
                {
                    await RecomputeJumpAsync(meter, now, cancellationToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException && onError(meter.DeviceId, ex))
            {
                jump = false;
            }
        }

        _jumpMonth = jump ? month : _jumpMonth;
        await RetryAreasAsync(onError, cancellationToken);
    }

    // Only the alarms that can start in the last two lost spans are judged; contacts are read from a lost span before
    // that, so the upload a silence started from is always seen.
    private async Task SilenceAsync(DeviceRegistration meter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var thresholds = options.Value.AlarmsFor(meter.Area.Code);
        var interval = meter.Meter?.UploadInterval;
        var margin = ContactMargin(thresholds, interval);
        var to = MeterDataLoader.CeilHour(now);
        var from = to - (2 * margin);
        var contacts = await MeterDataLoader.ContactsAsync(store, meter.DeviceId, from - margin, cancellationToken);
        var episodes = CommunicationRule.Evaluate(meter.DeviceId, contacts, interval, now, thresholds);
        await ledger.ApplyAsync(
            book => book.Apply(meter.DeviceId, [AlarmKind.NoCommunication], new HourWindow(from, to), episodes),
            _ => (meter.Area.Code, meter.DeviceId), cancellationToken);
    }

    // The lost span of the device's own interval (its registration, else the default) plus the grace and an hour.
    private static TimeSpan ContactMargin(MeterAlarmOptions thresholds, TimeSpan? interval) =>
        ((interval ?? thresholds.DefaultUploadInterval) * thresholds.LostAfterIntervals) + thresholds.LateGrace + TimeSpan.FromHours(1);

    private static DateTimeOffset MonthStart(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, TokyoTime.Zone);
        return ConsumptionBoundaries.LocalMidnight(new DateOnly(local.Year, local.Month, 1), TokyoTime.Zone);
    }
}
