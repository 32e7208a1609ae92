namespace Edge.Ingest.Analytics.Sensors;

/// <summary>Classifies an inundation sensor's water depth against <see cref="SensorRuleOptions"/>.</summary>
public static class Inundation
{
    /// <summary>The class of <paramref name="depthM"/>: wet from <see cref="SensorRuleOptions.InundationWetM"/>, above the floor from <see cref="SensorRuleOptions.AboveFloorM"/>.</summary>
    public static InundationClass Classify(decimal depthM, SensorRuleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return depthM >= options.AboveFloorM ? InundationClass.AboveFloor
            : depthM >= options.InundationWetM ? InundationClass.BelowFloor
            : InundationClass.Dry;
    }
}
