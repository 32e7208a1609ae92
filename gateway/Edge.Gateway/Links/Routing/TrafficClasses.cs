using Edge.Gateway.Store;

namespace Edge.Gateway.Links.Routing;

/// <summary>Conversions and the priority order of <see cref="TrafficClass"/>.</summary>
internal static class TrafficClasses
{
    /// <summary>Single classes in drain priority: alarms, gap records, status, readings, backfill.</summary>
    public static readonly TrafficClass[] ByPriority = [TrafficClass.Alarm, TrafficClass.Gap, TrafficClass.Status, TrafficClass.Reading, TrafficClass.Backfill];

    /// <summary>The flag of a store class.</summary>
    public static TrafficClass Of(DataClass dataClass) => dataClass switch
    {
        DataClass.Alarm => TrafficClass.Alarm,
        DataClass.Status => TrafficClass.Status,
        DataClass.Reading => TrafficClass.Reading,
        _ => TrafficClass.Backfill,
    };

    /// <summary>True when every class of <paramref name="classes"/> is in <paramref name="allowed"/>.</summary>
    public static bool Within(this TrafficClass classes, TrafficClass allowed) => (classes & ~allowed) == 0;

    /// <summary>The rank of the most urgent class in <paramref name="classes"/> (0 = alarm); 5 for none.</summary>
    public static int Rank(TrafficClass classes)
    {
        for (var i = 0; i < ByPriority.Length; i++)
        {
            if ((classes & ByPriority[i]) != 0)
            {
                return i;
            }
        }

        return ByPriority.Length;
    }

    /// <summary>The store classes of <paramref name="classes"/>, for SQL <c>IN (...)</c> lists.</summary>
    public static IEnumerable<int> StoreClasses(TrafficClass classes)
    {
        foreach (var dataClass in Enum.GetValues<DataClass>())
        {
            if ((classes & Of(dataClass)) != 0)
            {
                yield return (int)dataClass;
            }
        }
    }
}
