using System.Device.Gpio;

namespace Edge.HwSim.Gpio;

/// <summary>
/// A GPIO chip for System.Device.Gpio's <see cref="GpioController"/>: pins hold levels set by the simulation
/// (<see cref="SetLevel"/>), inputs with a pull resistor idle at its level, and level changes raise the callbacks the
/// controller registered (rising, falling or both), synchronously on the caller's thread, as a kernel's edge events
/// would. Outputs written by the code under test are readable through <see cref="Level"/>.
/// </summary>
public sealed class SimulatedGpioDriver(int pinCount = 28) : GpioDriver
{
    private readonly Lock _sync = new();
    private readonly Dictionary<int, PinState> _pins = [];

    /// <inheritdoc />
    protected override int PinCount => pinCount;

    /// <summary>Pins the code under test has open.</summary>
    public IReadOnlyCollection<int> OpenPins
    {
        get
        {
            lock (_sync)
            {
                return [.. _pins.Where(p => p.Value.Open).Select(p => p.Key)];
            }
        }
    }

    /// <summary>Mode <paramref name="pin"/> is open in, or null when the code under test has not opened it.</summary>
    public PinMode? ModeOf(int pin)
    {
        lock (_sync)
        {
            return _pins.TryGetValue(pin, out var state) && state.Open ? state.Mode : null;
        }
    }

    /// <summary>Stops driving <paramref name="pin"/>: it reads its pull resistor's level again (edge callbacks on a change).</summary>
    public void Release(int pin)
    {
        bool high;
        lock (_sync)
        {
            var state = State(pin);
            state.Driven = false;
            high = state.Mode == PinMode.InputPullUp || (state.Mode != PinMode.InputPullDown && state.High);
        }

        SetLevel(pin, high);
        lock (_sync)
        {
            State(pin).Driven = false;
        }
    }

    /// <summary>Current level of <paramref name="pin"/> (true = high).</summary>
    public bool Level(int pin)
    {
        lock (_sync)
        {
            return State(pin).High;
        }
    }

    /// <summary>
    /// Drives <paramref name="pin"/> from outside (a contact, a sensor's output), from then on regardless of its pull
    /// resistor; raises the edge callbacks on a change.
    /// </summary>
    public void SetLevel(int pin, bool high)
    {
        PinChangeEventHandler[] callbacks;
        lock (_sync)
        {
            var state = State(pin);
            state.Driven = true;
            if (state.High == high)
            {
                return;
            }

            state.High = high;
            var type = high ? PinEventTypes.Rising : PinEventTypes.Falling;
            callbacks = [.. state.Callbacks.Where(c => (c.Types & type) != 0).Select(c => c.Handler)];
        }

        var args = new PinValueChangedEventArgs(high ? PinEventTypes.Rising : PinEventTypes.Falling, pin);
        foreach (var callback in callbacks)
        {
            callback(this, args);
        }
    }

    /// <inheritdoc />
    protected override void OpenPin(int pinNumber)
    {
        CheckPin(pinNumber);
        lock (_sync)
        {
            State(pinNumber).Open = true;
        }
    }

    /// <inheritdoc />
    protected override void ClosePin(int pinNumber)
    {
        lock (_sync)
        {
            var state = State(pinNumber);
            state.Open = false;
            state.Callbacks.Clear();
        }
    }

    /// <inheritdoc />
    protected override void SetPinMode(int pinNumber, PinMode mode)
    {
        lock (_sync)
        {
            var state = State(pinNumber);
            state.Mode = mode;
            if (!state.Driven)
            {
                // An undriven input reads its pull resistor's level.
                state.High = mode == PinMode.InputPullUp || (mode != PinMode.InputPullDown && state.High);
            }
        }
    }

    /// <inheritdoc />
    protected override PinMode GetPinMode(int pinNumber)
    {
        lock (_sync)
        {
            return State(pinNumber).Mode;
        }
    }

    /// <inheritdoc />
    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) =>
        mode is PinMode.Input or PinMode.InputPullUp or PinMode.InputPullDown or PinMode.Output;

    /// <inheritdoc />
    protected override PinValue Read(int pinNumber)
    {
        lock (_sync)
        {
            return State(pinNumber).High ? PinValue.High : PinValue.Low;
        }
    }

    /// <inheritdoc />
    protected override void Write(int pinNumber, PinValue value)
    {
        lock (_sync)
        {
            State(pinNumber).High = value == PinValue.High;
        }
    }

    /// <inheritdoc />
    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken)
    {
        using var signal = new ManualResetEventSlim();
        PinEventTypes seen = PinEventTypes.None;
        void OnChange(object sender, PinValueChangedEventArgs e)
        {
            seen = e.ChangeType;
            signal.Set();
        }

        AddCallbackForPinValueChangedEvent(pinNumber, eventTypes, OnChange);
        try
        {
            signal.Wait(cancellationToken);
            return new WaitForEventResult { EventTypes = seen, TimedOut = false };
        }
        catch (OperationCanceledException)
        {
            return new WaitForEventResult { EventTypes = PinEventTypes.None, TimedOut = true };
        }
        finally
        {
            RemoveCallbackForPinValueChangedEvent(pinNumber, OnChange);
        }
    }

    /// <inheritdoc />
    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
    {
        lock (_sync)
        {
            State(pinNumber).Callbacks.Add((eventTypes, callback));
        }
    }

    /// <inheritdoc />
    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
    {
        lock (_sync)
        {
            State(pinNumber).Callbacks.RemoveAll(c => c.Handler == callback);
        }
    }

    private void CheckPin(int pin)
    {
        if (pin < 0 || pin >= pinCount)
        {
            throw new ArgumentOutOfRangeException(nameof(pin), pin, $"this chip has pins 0 to {pinCount - 1}");
        }
    }

    private PinState State(int pin)
    {
        if (!_pins.TryGetValue(pin, out var state))
        {
            state = new PinState();
            _pins[pin] = state;
        }

        return state;
    }

    private sealed class PinState
    {
        public bool Open { get; set; }

        public bool High { get; set; }

        public bool Driven { get; set; }

        public PinMode Mode { get; set; } = PinMode.Input;

        public List<(PinEventTypes Types, PinChangeEventHandler Handler)> Callbacks { get; } = [];
    }
}
