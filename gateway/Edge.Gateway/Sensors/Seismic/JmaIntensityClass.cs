namespace Edge.Gateway.Sensors.Seismic;

/// <summary>JMA seismic intensity classes (震度階級), from the instrumental intensity rounded to one decimal.</summary>
public enum JmaIntensityClass
{
    /// <summary>震度0: below 0.5.</summary>
    Zero = 0,

    /// <summary>震度1: 0.5 to below 1.5.</summary>
    One = 1,

    /// <summary>震度2: 1.5 to below 2.5.</summary>
    Two = 2,

    /// <summary>震度3: 2.5 to below 3.5.</summary>
    Three = 3,

    /// <summary>震度4: 3.5 to below 4.5.</summary>
    Four = 4,

    /// <summary>震度5弱: 4.5 to below 5.0.</summary>
    FiveLower = 5,

    /// <summary>震度5強: 5.0 to below 5.5.</summary>
    FiveUpper = 6,

    /// <summary>震度6弱: 5.5 to below 6.0.</summary>
    SixLower = 7,

    /// <summary>震度6強: 6.0 to below 6.5.</summary>
    SixUpper = 8,

    /// <summary>震度7: 6.5 and above.</summary>
    Seven = 9,
}

/// <summary>Names and boundaries of <see cref="JmaIntensityClass"/>.</summary>
public static class JmaIntensityClasses
{
    // Lower bounds in tenths of the rounded intensity, class Zero has none.
    private static readonly int[] _lowerTenths = [int.MinValue, 5, 15, 25, 35, 45, 50, 55, 60, 65];
    private static readonly string[] _names = ["震度0", "震度1", "震度2", "震度3", "震度4", "震度5弱", "震度5強", "震度6弱", "震度6強", "震度7"];
    private static readonly string[] _codes = ["0", "1", "2", "3", "4", "5-", "5+", "6-", "6+", "7"];

    /// <summary>The class of an intensity already rounded as JMA does, given in tenths (e.g. 49 for 4.9).</summary>
    public static JmaIntensityClass FromTenths(int tenths)
    {
        var c = 0;
        for (var i = 1; i < _lowerTenths.Length; i++)
        {
            if (tenths >= _lowerTenths[i])
            {
                c = i;
            }
        }

        return (JmaIntensityClass)c;
    }

    /// <summary>Japanese name, e.g. 震度5弱.</summary>
    public static string Name(JmaIntensityClass c) => _names[(int)c];

    /// <summary>ASCII code as used in data feeds: 0 … 4, 5-, 5+, 6-, 6+, 7.</summary>
    public static string Code(JmaIntensityClass c) => _codes[(int)c];

    /// <summary>The shaking number of the class, 0 … 7 (5弱 and 5強 are both 5).</summary>
    public static int Shindo(JmaIntensityClass c) => c switch
    {
        JmaIntensityClass.FiveLower or JmaIntensityClass.FiveUpper => 5,
        JmaIntensityClass.SixLower or JmaIntensityClass.SixUpper => 6,
        JmaIntensityClass.Seven => 7,
        _ => (int)c,
    };
}
