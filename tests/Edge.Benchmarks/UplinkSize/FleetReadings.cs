using Edge.HwSim.Physics;

namespace Edge.Benchmarks.UplinkSize;

/// <summary>
/// Hourly register readings of a fleet of household meters driven by hw-sim's
/// <see cref="HouseholdConsumptionModel"/>. Meter i (from 0) uses seed i + 1; everything is deterministic.
/// </summary>
internal static class FleetReadings
{
    public static MeterSeries[] Generate(int meters, int hours, DateTimeOffset startUtc)
    {
        var fleet = new MeterSeries[meters];
        for (var i = 0; i < meters; i++)
        {
            var seed = i + 1;
            var model = new HouseholdConsumptionModel(seed);

            // Where the register and the device's sequence stand at the start: seeded, independent of the model.
            var setup = new Random(unchecked((seed * 7919) + 17));
            long register = setup.Next(0, 2_000_000);
            long firstSeq = setup.Next(0, 100_000);

            // The register counts whole litres: carry the fraction so nothing is lost to rounding.
            var readings = new long[hours];
            var fraction = 0.0;
            for (var h = 0; h < hours; h++)
            {
                readings[h] = register;
                fraction += model.LitresInHour(startUtc.AddHours(h));
                var whole = Math.Floor(fraction);
                register += (long)whole;
                fraction -= whole;
            }

            fleet[i] = new MeterSeries($"pm-{seed:D6}", firstSeq, readings);
        }

        return fleet;
    }
}
