using Edge.Ingest.Analytics.Areas;
using Edge.Ingest.Analytics.Watch;
using Microsoft.Extensions.Options;

namespace Edge.Ingest.Analytics;

/// <summary>Checks <see cref="AnalyticsOptions"/> at start-up: a threshold out of range fails loudly, naming its key.</summary>
public sealed class AnalyticsOptionsValidator : IValidateOptions<AnalyticsOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, AnalyticsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        void Require(bool ok, string message)
        {
            if (!ok)
            {
                failures.Add(message);
            }
        }

        var a = options.Alarms;
        Require(a.LeakHours is >= 1 and <= 168, "Alarms:LeakHours must be 1 to 168.");
        Require(a.LeakClearZeroHours >= 1, "Alarms:LeakClearZeroHours must be at least 1.");
        Require(a.NightFlowThresholdM3PerHour >= 0, "Alarms:NightFlowThresholdM3PerHour must not be negative.");
        Require(a.NightStartHour >= 0 && a.NightEndHour <= 24 && a.NightStartHour < a.NightEndHour,
            "Alarms:NightStartHour and NightEndHour must satisfy 0 <= start < end <= 24.");
        Require(a.NightFlowClearNights >= 1, "Alarms:NightFlowClearNights must be at least 1.");
        Require(a.BurstLimitM3PerHour is null or > 0, "Alarms:BurstLimitM3PerHour must be positive when set.");
        Require(a.PressureLossMeters >= 1, "Alarms:PressureLossMeters must be at least 1.");
        Require(a.StuckDays >= 1, "Alarms:StuckDays must be at least 1.");
        Require(a.DefaultUploadInterval > TimeSpan.Zero, "Alarms:DefaultUploadInterval must be positive.");
        Require(a.LateGrace >= TimeSpan.Zero, "Alarms:LateGrace must not be negative.");
        Require(a.LostAfterIntervals >= 2, "Alarms:LostAfterIntervals must be at least 2.");
        Require(a.JumpRatio > 0, "Alarms:JumpRatio must be positive.");

        var w = options.Welfare;
        Require(w.NoUseAlertAfter >= WelfareRuleOptions.MinNoUseAlertAfter && w.NoUseAlertAfter <= WelfareRuleOptions.MaxNoUseAlertAfter,
            "Welfare:NoUseAlertAfter must be 8 to 24 hours.");
        Require(w.NoUseEscalateAfter >= w.NoUseAlertAfter, "Welfare:NoUseEscalateAfter must not be before NoUseAlertAfter.");
        Require(w.GenkiMinimumM3 > 0 && w.UseThresholdM3PerHour > 0 && w.ContinuousUseM3PerHour > 0,
            "Welfare:GenkiMinimumM3, UseThresholdM3PerHour and ContinuousUseM3PerHour must be positive.");
        Require(w.GenkiFromHour is >= 0 and < 24 && w.GenkiDeadline.Hour > w.GenkiFromHour,
            "Welfare:GenkiFromHour must be 0 to 23 and before GenkiDeadline.");
        Require(w.ContinuousUseHours >= 1, "Welfare:ContinuousUseHours must be at least 1.");

        var bands = options.Sensors.Bands;
        Require(bands.Count > 0 && bands[0] > 0 && bands.Zip(bands.Skip(1)).All(p => p.First < p.Second),
            "Sensors:RainfallBandsMmPerHour must be positive and strictly increasing.");
        Require(options.Sensors.InundationWetM > 0 && options.Sensors.AboveFloorM > options.Sensors.InundationWetM,
            "Sensors:InundationWetM must be positive and below AboveFloorM.");

        ValidateArea("AreaStatus", options.AreaStatus, Require);
        foreach (var (id, area) in options.Areas)
        {
            ValidateArea($"Areas:{id}", options.AreaStatusFor(id), Require);
            Require(area.NightFlowThresholdM3PerHour is null or >= 0, $"Areas:{id}:NightFlowThresholdM3PerHour must not be negative.");
            Require(area.BurstLimitM3PerHour is null or > 0, $"Areas:{id}:BurstLimitM3PerHour must be positive.");
            Require(area.PressureLossMeters is null or >= 1, $"Areas:{id}:PressureLossMeters must be at least 1.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateArea(string prefix, AreaStatusOptions s, Action<bool, string> require)
    {
        static bool Share(decimal v) => v is > 0 and <= 1;
        require(s.ZeroBelowM3 > 0, $"{prefix}:ZeroBelowM3 must be positive.");
        require(Share(s.ActiveShare) && Share(s.OutageZeroShare) && Share(s.OutageVolumeShare) && Share(s.SilentShare)
            && Share(s.RestoringShare) && Share(s.RestoredShare),
            $"{prefix}: ActiveShare, OutageZeroShare, OutageVolumeShare, SilentShare, RestoringShare and RestoredShare must be in (0, 1].");
        require(s.RestoringShare <= s.RestoredShare, $"{prefix}:RestoringShare must not exceed RestoredShare.");
        require(s.OutageHours >= 1 && s.DisasterOutageHours >= 1 && s.RestoredHours >= 1,
            $"{prefix}: OutageHours, DisasterOutageHours and RestoredHours must be at least 1.");
        require(s.HouseholdsPerMeter > 0, $"{prefix}:HouseholdsPerMeter must be positive.");
        require(s.MinNormallyActiveMeters >= 0 && s.MinBaselineVolumeM3 >= 0,
            $"{prefix}: MinNormallyActiveMeters and MinBaselineVolumeM3 must not be negative.");
    }
}
