namespace Edge.Gateway.Control;

/// <summary>The names of the disaster-mode sources, as logged, reported and shown in /health and /metrics.</summary>
public static class ControlSources
{
    /// <summary>The desired document's <c>disasterMode.on</c>.</summary>
    public const string Cloud = "cloud";

    /// <summary>The file <see cref="ControlOptions.DisasterFile"/> exists.</summary>
    public const string File = "file";

    /// <summary>The GPIO input <see cref="ControlOptions.GpioPin"/> is active.</summary>
    public const string Gpio = "gpio";

    /// <summary>The gateway's own seismic sensor measured <see cref="ControlOptions.SeismicClass"/> or more.</summary>
    public const string Seismic = "seismic";

    /// <summary>All of them, in report order.</summary>
    public static readonly IReadOnlyList<string> All = [Cloud, File, Gpio, Seismic];
}
