using System;
using System.Device.Gpio;
using Edge.Firmware.Hardware;

namespace Edge.Firmware.Device.Adapters;

/// <summary>
/// <see cref="IPulseInput"/> over nanoFramework GPIO interrupts. Every level change is passed on raw:
/// the pins' hardware debounce stays off because the portable PulseCounter debounces, identically on the
/// device, on the host and in hw-sim.
/// </summary>
public sealed class GpioPulseInput : IPulseInput, IDisposable
{
    private readonly GpioPin[] _pins;
    private IPulseEdgeHandler _handler;

    /// <summary>Opens <paramref name="pinNumbers"/> (reed A, reed B, tamper, in that order) as pulled-up inputs.</summary>
    public GpioPulseInput(GpioController controller, int[] pinNumbers)
    {
        _pins = new GpioPin[pinNumbers.Length];
        for (int i = 0; i < pinNumbers.Length; i++)
        {
            // Reed contacts and the tamper loop switch to ground, so idle reads high.
            var pin = controller.OpenPin(pinNumbers[i], PinMode.InputPullUp);
            pin.DebounceTimeout = TimeSpan.Zero;
            pin.ValueChanged += OnValueChanged;
            _pins[i] = pin;
        }
    }

    /// <inheritdoc />
    public int InputCount => _pins.Length;

    /// <inheritdoc />
    public bool Read(int input) => _pins[input].Read() == PinValue.High;

    /// <inheritdoc />
    public void SetHandler(IPulseEdgeHandler handler)
    {
        _handler = handler;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var pin in _pins)
        {
            pin.ValueChanged -= OnValueChanged;
            pin.Dispose();
        }
    }

    // Runs on nanoFramework's event thread; PulseCounter.OnEdge locks, so no further care is needed here.
    private void OnValueChanged(object sender, PinValueChangedEventArgs e)
    {
        var handler = _handler;
        if (handler == null)
        {
            return;
        }

        long uptimeMs = Environment.TickCount64;
        for (int i = 0; i < _pins.Length; i++)
        {
            if (_pins[i].PinNumber == e.PinNumber)
            {
                handler.OnEdge(i, e.ChangeType == PinEventTypes.Rising, uptimeMs);
                return;
            }
        }
    }
}
