using System.Device.Gpio;

namespace Edge.Gateway.Tests.Support;

/// <summary>
/// A GPIO chip in memory, for code that takes a <see cref="GpioController"/>: inputs are set by the test
/// (<see cref="SetInput"/>); an open input with the pull-up on and nothing driving it reads high, as on a Raspberry Pi.
/// </summary>
internal sealed class SimulatedGpioDriver(int pinCount = 28) : GpioDriver
{
    private readonly Dictionary<int, PinMode> _open = [];
    private readonly Dictionary<int, PinValue> _driven = [];

    /// <summary>Pins opened by the code under test.</summary>
    public IReadOnlyDictionary<int, PinMode> Open => _open;

    /// <summary>Drives an input from outside (a switch to ground is <see cref="PinValue.Low"/>); null releases it.</summary>
    public void SetInput(int pin, PinValue? value)
    {
        if (value is { } v)
        {
            _driven[pin] = v;
        }
        else
        {
            _driven.Remove(pin);
        }
    }

    protected override int PinCount => pinCount;

    protected override void OpenPin(int pinNumber) => _open[pinNumber] = PinMode.Input;

    protected override void ClosePin(int pinNumber) => _open.Remove(pinNumber);

    protected override void SetPinMode(int pinNumber, PinMode mode) => _open[pinNumber] = mode;

    protected override PinMode GetPinMode(int pinNumber) => _open[pinNumber];

    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) =>
        pinNumber >= 0 && pinNumber < pinCount && mode is PinMode.Input or PinMode.InputPullUp or PinMode.InputPullDown or PinMode.Output;

    protected override PinValue Read(int pinNumber) =>
        _driven.TryGetValue(pinNumber, out var v) ? v : _open.GetValueOrDefault(pinNumber) == PinMode.InputPullUp ? PinValue.High : PinValue.Low;

    protected override void Write(int pinNumber, PinValue value) => _driven[pinNumber] = value;

    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken) =>
        throw new NotSupportedException("events are not simulated");

    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback) =>
        throw new NotSupportedException("events are not simulated");

    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
    {
    }
}
