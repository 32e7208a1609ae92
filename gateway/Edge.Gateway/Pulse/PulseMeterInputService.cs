using System.Device.Gpio;
using Edge.Firmware.Metering;
using Edge.Gateway.Sensors;

namespace Edge.Gateway.Pulse;

/// <summary>
/// Reads a pulse meter wired to the Pi's GPIO: the firmware's portable <see cref="PulseCounter"/> debounces and counts
/// the raw edges (quadrature gives reverse flow, the tamper contact is latched), and on every interval boundary the
/// volume register (litres, to the millilitre) is stored as a reading of the meter with the flags of the interval
/// (FRAME.md: reverse, tamper). The register is saved to disk before each reading and at shutdown, so a restart
/// continues from it; pulses while the gateway is down are not seen (a pulse output has no memory).
/// </summary>
internal sealed partial class PulseMeterInputService(
    PulseMeterOptions options,
    Func<GpioController> openController,
    string dataDir,
    SensorReadingSink sink,
    TimeProvider time,
    ILogger<PulseMeterInputService> logger) : BackgroundService
{
    /// <summary>FRAME.md flag bit 0: reverse flow counted in the interval.</summary>
    public const int ReverseFlag = 1;

    /// <summary>FRAME.md flag bit 1: the tamper contact closed in the interval.</summary>
    public const int TamperFlag = 2;

    /// <summary>How long to wait before opening the GPIO again after it failed.</summary>
    public static readonly TimeSpan ReopenDelay = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(1);

    private readonly long _start = time.GetTimestamp();
    private readonly long _mlPerPulse = (long)(options.LitresPerPulse * 1000m);
    private readonly Lock _sync = new();
    private readonly PulseRegisterFile _file = new(dataDir, options.Device);
    private long _registerMl;
    private int _pendingFlags;

    /// <summary>Readings stored so far.</summary>
    public int ReadingsStored { get; private set; }

    /// <summary>True once the pins are open and edges are being counted.</summary>
    public bool IsCounting { get; private set; }

    /// <summary>When the next reading is due (the boundary being waited for), once known.</summary>
    public DateTimeOffset? NextReadingAt { get; private set; }

    /// <summary>The register as last counted, millilitres.</summary>
    public long RegisterMillilitres
    {
        get
        {
            lock (_sync)
            {
                return _registerMl;
            }
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        (_registerMl, _pendingFlags) = _file.Load();
        while (!stoppingToken.IsCancellationRequested)
        {
            GpioController? controller = null;
            GpioPulseInput? input = null;
            try
            {
                controller = openController();
                input = new GpioPulseInput(controller, [options.PinA, options.PinB, options.TamperPin], Uptime);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                input?.Dispose();
                controller?.Dispose();
                LogOpenFailed(logger, ex, options.Device, ReopenDelay);
                await Task.Delay(ReopenDelay, time, stoppingToken).ConfigureAwait(false);
                continue;
            }

            using (controller)
            using (input)
            {
                var counter = new PulseCounter(options.DebounceMs, quadrature: options.PinB >= 0, tamperActiveHigh: true);
                input.SetHandler(counter);
                counter.Initialise(input, Uptime());
                IsCounting = true;
                LogStarted(logger, options.Device, options.PinA, _registerMl);
                try
                {
                    await ReadAsync(counter, stoppingToken).ConfigureAwait(false);
                }
                finally
                {
                    IsCounting = false;

                    // Counted since the last reading: kept for the next start.
                    Accumulate(counter);
                    SaveQuietly();
                }
            }
        }
    }

    private async Task ReadAsync(PulseCounter counter, CancellationToken stoppingToken)
    {
        while (true)
        {
            var boundary = NextBoundary(time.GetUtcNow(), options.Interval);
            NextReadingAt = boundary;

            // Short waits, each from the clock's current time: a clock that jumps (an NTP step, a test's clock) cannot
            // make the reading late by more than one of them.
            for (var now = time.GetUtcNow(); now < boundary; now = time.GetUtcNow())
            {
                var wait = boundary - now;
                await Task.Delay(wait < MaxWait ? wait : MaxWait, time, stoppingToken).ConfigureAwait(false);
            }

            Accumulate(counter);
            long register;
            int flags;
            lock (_sync)
            {
                register = _registerMl;
                flags = _pendingFlags;
            }

            // Saved before the reading is stored: a crash in between loses one reading (a gap), never volume.
            _file.Save(register, 0);
            lock (_sync)
            {
                _pendingFlags &= ~flags;
            }

            var value = new SensorValue("volume", "l", register, 3) { Flags = flags };
            if (await sink.StoreAsync(options.Device, [value], boundary.ToUnixTimeMilliseconds(), stoppingToken).ConfigureAwait(false))
            {
                ReadingsStored++;
            }
        }
    }

    private void Accumulate(PulseCounter counter)
    {
        lock (_sync)
        {
            counter.Poll(Uptime());
            counter.Take(out var forward, out var reverse, out var tamper);
            _registerMl += (forward - reverse) * _mlPerPulse;
            _pendingFlags |= (reverse > 0 ? ReverseFlag : 0) | (tamper ? TamperFlag : 0);
        }
    }

    private void SaveQuietly()
    {
        try
        {
            lock (_sync)
            {
                _file.Save(_registerMl, _pendingFlags);
            }
        }
        catch (IOException ex)
        {
            LogSaveFailed(logger, ex, options.Device, _file.Path);
        }
    }

    private long Uptime() => (long)time.GetElapsedTime(_start).TotalMilliseconds;

    /// <summary>The first boundary of <paramref name="interval"/> (counted from midnight UTC) after <paramref name="now"/>.</summary>
    internal static DateTimeOffset NextBoundary(DateTimeOffset now, TimeSpan interval)
    {
        var ticks = now.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % interval.Ticks) + interval.Ticks, TimeSpan.Zero);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "pulse meter {Device}: counting on GPIO {Pin}, register {Millilitres} ml")]
    private static partial void LogStarted(ILogger logger, string device, int pin, long millilitres);

    [LoggerMessage(Level = LogLevel.Error, Message = "pulse meter {Device}: cannot open its GPIO; trying again in {Delay}")]
    private static partial void LogOpenFailed(ILogger logger, Exception error, string device, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "pulse meter {Device}: could not save its register to {Path}")]
    private static partial void LogSaveFailed(ILogger logger, Exception error, string device, string path);
}
