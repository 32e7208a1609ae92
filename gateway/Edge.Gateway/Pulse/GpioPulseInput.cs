using System.Device.Gpio;
using Edge.Firmware.Hardware;
using Edge.Firmware.Metering;

namespace Edge.Gateway.Pulse;

/// <summary>
/// The firmware's <see cref="IPulseInput"/> over System.Device.Gpio: the meter's contacts on pulled-up inputs, each
/// edge passed on raw (the portable <see cref="PulseCounter"/> debounces, as on the device) as the contact's state,
/// closed = true (pin low), stamped with the gateway's monotonic clock.
/// </summary>
internal sealed class GpioPulseInput : IPulseInput, IDisposable
{
    private readonly GpioController _controller;
    private readonly int[] _pins;
    private readonly Func<long> _uptimeMs;
    private IPulseEdgeHandler? _handler;

    /// <summary>Opens <paramref name="pins"/> (reed A, reed B, tamper; -1 = not wired).</summary>
    public GpioPulseInput(GpioController controller, int[] pins, Func<long> uptimeMs)
    {
        _controller = controller;
        _pins = pins;
        _uptimeMs = uptimeMs;
        var opened = new List<int>();
        try
        {
            foreach (var pin in pins.Where(p => p >= 0))
            {
                controller.OpenPin(pin, PinMode.InputPullUp);
                opened.Add(pin);
                controller.RegisterCallbackForPinValueChangedEvent(pin, PinEventTypes.Rising | PinEventTypes.Falling, OnChange);
            }
        }
        catch
        {
            Close(opened);
            throw;
        }
    }

    /// <inheritdoc />
    public int InputCount => _pins.Length;

    /// <inheritdoc />
    public bool Read(int input) =>
        input >= 0 && input < _pins.Length && _pins[input] >= 0 && _controller.Read(_pins[input]) == PinValue.Low;

    /// <inheritdoc />
    public void SetHandler(IPulseEdgeHandler handler) => _handler = handler;

    /// <inheritdoc />
    public void Dispose() => Close(_pins.Where(p => p >= 0));

    private void Close(IEnumerable<int> pins)
    {
        foreach (var pin in pins)
        {
            if (_controller.IsPinOpen(pin))
            {
                _controller.UnregisterCallbackForPinValueChangedEvent(pin, OnChange);
                _controller.ClosePin(pin);
            }
        }
    }

    private void OnChange(object sender, PinValueChangedEventArgs e)
    {
        var handler = _handler;
        var input = Array.IndexOf(_pins, e.PinNumber);
        if (handler is null || input < 0)
        {
            return;
        }

        handler.OnEdge(input, e.ChangeType == PinEventTypes.Falling, _uptimeMs());
    }
}
