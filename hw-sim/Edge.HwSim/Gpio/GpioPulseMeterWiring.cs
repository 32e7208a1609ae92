using Edge.Firmware.Hardware;
using Edge.HwSim.Devices;

namespace Edge.HwSim.Gpio;

/// <summary>
/// Wires a <see cref="SimulatedPulseMeter"/>'s contacts to pins of a <see cref="SimulatedGpioDriver"/>: every raw
/// edge the meter makes (bounce included) becomes a level change on its pin. The optional callback is called
/// with the edge's time (the meter's uptime, ms) first, so a test can move its clock there before the code under test
/// sees the edge. Contacts are wired as on a real installation: each switches its pin to ground against the pin's
/// pull-up, so a closed contact reads low.
/// </summary>
public sealed class GpioPulseMeterWiring : IPulseEdgeHandler
{
    private readonly SimulatedGpioDriver _driver;
    private readonly int[] _pins;
    private readonly Action<long>? _beforeEdge;

    /// <summary>Connects <paramref name="meter"/>'s inputs (reed A, reed B, tamper) to <paramref name="pins"/>; -1 leaves one unwired.</summary>
    public GpioPulseMeterWiring(SimulatedPulseMeter meter, SimulatedGpioDriver driver, int[] pins, Action<long>? beforeEdge = null)
    {
        ArgumentNullException.ThrowIfNull(meter);
        ArgumentNullException.ThrowIfNull(pins);
        _driver = driver;
        _pins = pins;
        _beforeEdge = beforeEdge;
        for (var i = 0; i < pins.Length && i < meter.InputCount; i++)
        {
            if (pins[i] >= 0)
            {
                driver.SetLevel(pins[i], !meter.Read(i));
            }
        }

        meter.SetHandler(this);
    }

    /// <inheritdoc />
    public void OnEdge(int input, bool high, long uptimeMs)
    {
        if (input < 0 || input >= _pins.Length || _pins[input] < 0)
        {
            return;
        }

        _beforeEdge?.Invoke(uptimeMs);
        _driver.SetLevel(_pins[input], !high);
    }
}
