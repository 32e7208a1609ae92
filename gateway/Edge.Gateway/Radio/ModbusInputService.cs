using System.Globalization;
using Edge.Firmware.Host.Serial;
using Edge.Firmware.Modbus;
using Edge.Gateway.Diagnostics;

namespace Edge.Gateway.Radio;

/// <summary>
/// A Modbus RTU line on an RS-485 adapter: the gateway is the master (<see cref="ModbusRtuMaster"/>, the firmware's
/// portable one, over <see cref="PosixSerialPort"/>). Every <see cref="SerialInputOptions.PollInterval"/> it reads each
/// configured slave's register map (<see cref="ModbusMeterReader"/>) and stores its values, in SI units, under the
/// meter's identity. A slave that does not answer, answers with an exception or gives no value for a register is logged
/// with the reason and counted (<c>TelegramErrors</c>); the other slaves and registers are still read and stored.
/// </summary>
internal sealed partial class ModbusInputService : BackgroundService
{
    private readonly SerialInputOptions _options;
    private readonly string _name;
    private readonly MeterReadingSink _sink;
    private readonly GatewayCounters _counters;
    private readonly TimeProvider _time;
    private readonly ILogger<ModbusInputService> _logger;

    public ModbusInputService(SerialInputOptions options, string name, MeterReadingSink sink, GatewayCounters counters, TimeProvider time, ILogger<ModbusInputService> logger)
    {
        _options = options;
        _name = name;
        _sink = sink;
        _counters = counters;
        _time = time;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var baud = _options.Baud > 0 ? _options.Baud : InputKinds.DefaultBaud(_options.Kind);
        var parity = ModbusInputValidation.ParityOf(_options.Parity);
        var stopBits = _options.StopBits > 0 ? _options.StopBits : parity == 0 ? 2 : 1;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var port = new PosixSerialPort(_options.Port);
                var master = new ModbusRtuMaster(port) { Retries = _options.Retries };
                master.Configure(baud, parity, stopBits);
                if (_options.ResponseTimeout > TimeSpan.Zero)
                {
                    master.ResponseTimeoutMs = (int)Math.Ceiling(_options.ResponseTimeout.TotalMilliseconds);
                }

                // Identities are read again after every reopen: the adapter may now sit on another line.
                var meters = _options.Slaves.Select(s => new ModbusMeter(s, _name, master, MapOf(s))).ToList();
                LogOpened(_logger, _name, _options.Port, baud, _options.Parity, stopBits, meters.Count);
                while (true)
                {
                    foreach (var meter in meters)
                    {
                        await PollAsync(meter, stoppingToken).ConfigureAwait(false);
                    }

                    await Task.Delay(_options.PollInterval, _time, stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (IOException ex)
            {
                LogPortFailed(_logger, ex, _name, _options.Port, _options.ReopenDelay);
                await Task.Delay(_options.ReopenDelay, _time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private ModbusPoint[] MapOf(ModbusSlaveOptions slave)
    {
        // Validated at start (ModbusInputValidation): no errors here.
        var errors = new List<string>();
        return [.. ModbusMap.Build(slave.Registers.Count > 0 ? slave.Registers : _options.Registers, "Registers", errors)];
    }

    private async Task PollAsync(ModbusMeter meter, CancellationToken cancellationToken)
    {
        // Blocking serial I/O (a few seconds at most with retries) off the host's threads.
        var outcome = await Task.Run(meter.Poll, cancellationToken).ConfigureAwait(false);
        if (outcome.Device is null)
        {
            _counters.TelegramFailed();
            LogReadFailed(_logger, _name, meter.Address, outcome.Errors[0]);
            return;
        }

        foreach (var error in outcome.Errors)
        {
            _counters.TelegramFailed();
            LogReadFailed(_logger, _name, meter.Address, error);
        }

        var receivedMs = _time.GetUtcNow().ToUnixTimeMilliseconds();
        await _sink.StoreValuesAsync(outcome.Device, outcome.Values, receivedMs, _name, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Input}: Modbus RTU master on {Port} at {Baud} baud, parity {Parity}, {StopBits} stop bits: {Slaves} slaves")]
    private static partial void LogOpened(ILogger logger, string input, string port, int baud, string parity, int stopBits, int slaves);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Input}: serial port {Port} failed; reopening in {Delay}")]
    private static partial void LogPortFailed(ILogger logger, Exception error, string input, string port, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Input}: reading slave {Address} failed: {Reason}")]
    private static partial void LogReadFailed(ILogger logger, string input, int address, string reason);

    /// <summary>One configured slave: its reader, and its identity once known.</summary>
    private sealed class ModbusMeter(ModbusSlaveOptions options, string input, ModbusRtuMaster master, ModbusPoint[] points)
    {
        private readonly ModbusMeterReader _reader = new(master, points);
        private readonly ushort[] _serial = new ushort[2];
        private string? _device;

        public int Address => options.Address;

        public PollOutcome Poll()
        {
            if (_device is null && !TryIdentify(out var error))
            {
                return new PollOutcome(null, [], [error]);
            }

            _reader.Read(options.Address, out _);
            var values = new List<(string, string, long, int)>();
            var errors = new List<string>();
            for (var i = 0; i < points.Length; i++)
            {
                var value = _reader.Values[i];
                if (value.IsValid)
                {
                    values.Add((points[i].Channel, points[i].OutputUnit, value.Mantissa, value.Scale));
                }
                else if (!errors.Contains(value.Error ?? "", StringComparer.Ordinal))
                {
                    errors.Add(value.Error ?? "no value");
                }
            }

            return new PollOutcome(_device, values, errors);
        }

        private bool TryIdentify(out string error)
        {
            error = "";
            if (options.SerialRegister is not { } register)
            {
                _device = string.IsNullOrEmpty(options.Id)
                    ? "modbus-" + input + "-s" + options.Address.ToString(CultureInfo.InvariantCulture)
                    : options.Id;
                return true;
            }

            var type = ModbusRegisterType.Parse(register.Type);
            var order = ModbusWordOrder.Parse(register.WordOrder);
            var result = master.ReadRegisters(ModbusTable.ReadFunction(ModbusTable.Parse(register.Table)), options.Address, register.Address, ModbusRegisterType.RegisterCount(type), _serial, 0);
            if (result != ModbusResult.Ok)
            {
                error = "serial number register: " + (master.LastError ?? ModbusResult.Name(result));
                return false;
            }

            ModbusValueDecoder.TryInteger(type, order, _serial, 0, out var serial);
            var text = serial.ToString(CultureInfo.InvariantCulture);
            _device = string.IsNullOrEmpty(options.Id) ? "modbus-" + text : options.Id.Replace("{serial}", text, StringComparison.Ordinal);
            return true;
        }
    }

    /// <summary>What one poll of a slave gave: its device id (null when it could not be identified), values and errors.</summary>
    private sealed record PollOutcome(string? Device, List<(string Channel, string Unit, long Mantissa, int Scale)> Values, List<string> Errors);
}
