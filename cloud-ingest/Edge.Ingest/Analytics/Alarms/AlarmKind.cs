namespace Edge.Ingest.Analytics.Alarms;

/// <summary>What an alarm is about (issue 8 "Meter alarms").</summary>
public enum AlarmKind
{
    /// <summary>No zero hour in the trailing 24 h.</summary>
    ContinuousLeak,

    /// <summary>The night's smallest hour above the threshold.</summary>
    NightFlow,

    /// <summary>An hourly volume at or above the burst limit.</summary>
    Burst,

    /// <summary>A reverse-flow flag or a negative hour.</summary>
    Backflow,

    /// <summary>The tamper flag; latching until an operator clears it.</summary>
    Tamper,

    /// <summary>The meter reports a dry pipe.</summary>
    DryPipe,

    /// <summary>The meter reports a low battery.</summary>
    LowBattery,

    /// <summary>No consumption for 30 days on an occupied account.</summary>
    StuckMeter,

    /// <summary>No upload for longer than expected (late, then lost).</summary>
    NoCommunication,

    /// <summary>A month's volume far above the previous month or the same month last year.</summary>
    ConsumptionJump,

    /// <summary>Backflow at several meters of one area in the same hour (an area's alarm, <see cref="PressureLossRule"/>).</summary>
    SuspectedPressureLoss,

    /// <summary>The meter reports a fault (ECHONET Lite fault status 0x88 = 0x41): from the fault flag until its cleared flag.</summary>
    MeterFault,

    /// <summary>The meter detected an abnormal value in its own metering data (ECHONET Lite water flow meter 0xE3 = 0x41).</summary>
    AbnormalValue,
}
