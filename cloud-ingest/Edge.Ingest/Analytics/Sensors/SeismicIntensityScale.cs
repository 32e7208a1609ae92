namespace Edge.Ingest.Analytics.Sensors;

/// <summary>
/// The JMA seismic intensity class (震度階級) of a node's instrumental intensity (計測震度, a reference value from our
/// nodes, not an official observation). JMA rounds the intensity half up to two decimals and truncates it to one, then
/// bounds the classes at 0.5, 1.5, 2.5, 3.5, 4.5, 5.0, 5.5, 6.0 and 6.5 (JMA, 計測震度の算出方法).
/// </summary>
public static class SeismicIntensityScale
{
    private static readonly decimal[] _bounds = [0.5m, 1.5m, 2.5m, 3.5m, 4.5m, 5.0m, 5.5m, 6.0m, 6.5m];
    private static readonly string[] _names = ["0", "1", "2", "3", "4", "5-", "5+", "6-", "6+", "7"];

    /// <summary>The class name ("0" … "4", "5-", "5+", "6-", "6+", "7") of <paramref name="instrumentalIntensity"/>.</summary>
    public static string ClassOf(decimal instrumentalIntensity)
    {
        var rounded = Math.Round(instrumentalIntensity, 2, MidpointRounding.AwayFromZero);
        var tenths = Math.Truncate(rounded * 10) / 10;
        var c = 0;
        while (c < _bounds.Length && tenths >= _bounds[c])
        {
            c++;
        }

        return _names[c];
    }
}
