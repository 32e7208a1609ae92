using System.Device.I2c;

namespace Edge.Gateway.Sensors;

/// <summary>
/// One Pi-attached I2C sensor: opens the bus device, reads through the binding every
/// <see cref="SensorInputOptions.PollInterval"/> and stores the values with their units. An I2C error (NACK, sensor
/// unplugged) or an unusable reading is logged and the device is reopened after
/// <see cref="SensorInputOptions.ReopenDelay"/>; the gateway keeps running.
/// </summary>
internal sealed partial class SensorInputService(
    SensorInputOptions options,
    Func<I2cConnectionSettings, I2cDevice> openDevice,
    SensorReadingSink sink,
    TimeProvider time,
    ILogger<SensorInputService> logger) : BackgroundService
{
    /// <summary>Readings stored since start.</summary>
    public int Stored { get; private set; }

    /// <summary>Failed attempts (I/O or unusable reading) since start.</summary>
    public int Failures { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var address = options.Address > 0 ? options.Address : SensorKinds.DefaultAddress(options.Kind);
        while (!stoppingToken.IsCancellationRequested)
        {
            I2cSensorReader? reader = null;
            try
            {
                var device = openDevice(new I2cConnectionSettings(options.Bus, address));
                reader = await Task.Run(() => new I2cSensorReader(options.Kind, device), stoppingToken).ConfigureAwait(false);
                LogOpened(logger, options.Name, options.Kind, options.Bus, address);
                while (true)
                {
                    var values = await Task.Run(reader.Read, stoppingToken).ConfigureAwait(false);
                    if (await sink.StoreAsync(options.Name, values, time.GetUtcNow().ToUnixTimeMilliseconds(), stoppingToken).ConfigureAwait(false))
                    {
                        Stored++;
                    }

                    await Task.Delay(options.PollInterval, time, stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is IOException or SensorReadException or UnauthorizedAccessException)
            {
                Failures++;
                LogFailed(logger, options.Name, ex.Message);
            }
            finally
            {
                reader?.Dispose();
            }

            try
            {
                await Task.Delay(options.ReopenDelay, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "sensor {Name}: {Kind} on I2C bus {Bus} at 0x{Address:X2}")]
    private static partial void LogOpened(ILogger logger, string name, string kind, int bus, int address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "sensor {Name}: {Reason}; reopening later")]
    private static partial void LogFailed(ILogger logger, string name, string reason);
}
