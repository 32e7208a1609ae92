using System.Collections.Concurrent;
using Edge.Gateway.Hosting;
using Edge.Gateway.Radio;
using Edge.Gateway.Tests.Support;
using Edge.HwSim.Wisun;

namespace Edge.Gateway.Tests.Radio;

/// <summary>The gateway's wisun-broute input against the virtual Wi-SUN module on a real pty (real time, short radio timings).</summary>
public sealed class WisunBrouteInputTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private readonly ListLogger _log = new(output);

    // Get_Res of the coefficient (EPC D3) recorded from a real smart meter (conformance corpus echonet.jsonl, record 1).
    private const string RecordedAnswer = "1081000102880105FF017201D30400000001";

    // Get of D3 from a controller (05FF01) to the meter (028801): EHD 1081, TID 0001, ESV 62, OPC 1, EPC D3, PDC 0.
    private const string GetCoefficient = "1081000105FF010288016201D300";

    [Fact]
    public async Task WisunInput_MeterAnswersThenGoesAwayAndReturns_HandsPayloadsAndRejoins()
    {
        var meter = new VirtualBrouteMeter { BeaconMinDuration = 0, ResponseDelay = TimeSpan.FromMilliseconds(20), Responder = _ => Convert.FromHexString(RecordedAnswer) };
        using var module = new VirtualWisunModule(new VirtualWisunModuleOptions
        {
            PanaTime = TimeSpan.FromMilliseconds(100),
            PanaTimeout = TimeSpan.FromMilliseconds(300),
            SendFailTime = TimeSpan.FromMilliseconds(50),
        }, meter, TimeProvider.System);
        module.Trace = line => { try { output.WriteLine(DateTime.UtcNow.ToString("HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture) + " module " + line); } catch (InvalidOperationException) { } };
        module.Start();
        var handler = new RecordingHandler(GetCoefficient, TimeSpan.FromMilliseconds(300));
        var options = new SerialInputOptions
        {
            Kind = InputKinds.WisunBroute,
            Port = module.PortPath,
            PollInterval = TimeSpan.FromMilliseconds(300),
            ReopenDelay = TimeSpan.FromMilliseconds(200),
            Wisun = new WisunBrouteOptions
            {
                Password = meter.Password,
                RouteBId = meter.RouteBId,
                ScanDurationFirst = 0,
                ScanDurationMax = 1,
                AnswerTimeout = TimeSpan.FromSeconds(2),
                RejoinDelay = TimeSpan.FromMilliseconds(200),
            },
        };
        using var service = new WisunBrouteInputService(options, "wisun0", handler, TimeProvider.System, _log);

        await service.StartAsync(CancellationToken.None);
        await Wait.UntilAsync(() => handler.Payloads.Count >= 2, TimeSpan.FromSeconds(60), "two answers from the meter");
        Assert.All(handler.Payloads, p => Assert.Equal(RecordedAnswer, Convert.ToHexString(p)));

        // Scans before the meter leaves: the first join may itself have taken more than one scan.
        var scansBefore = module.Scans;
        meter.Present = false;
        await Wait.UntilAsync(() => module.Scans > scansBefore, TimeSpan.FromSeconds(60), "the input to notice the meter is gone");
        await Task.Delay(500);
        meter.Present = true;
        await Wait.UntilAsync(() => service.Joins >= 2 && module.SessionUp, TimeSpan.FromSeconds(60), "a second join");

        var inf = Convert.FromHexString("108100000EF0010EF0017301D50401028801");
        Assert.True(module.PushFromMeter(inf));
        await Wait.UntilAsync(() => handler.Payloads.Any(p => p.SequenceEqual(inf)), TimeSpan.FromSeconds(60), "the INF");
        await service.StopAsync(CancellationToken.None);
        Assert.Null(module.Fault);
    }

    [Fact]
    public void Validate_BadWisunInput_NamesEachProblem()
    {
        var options = new GatewayOptions
        {
            Id = "gw",
            Inputs =
            [
                new SerialInputOptions { Kind = InputKinds.WisunBroute, Port = "/dev/ttyUSB0" },
                new SerialInputOptions
                {
                    Kind = InputKinds.WisunBroute,
                    Port = "/dev/ttyUSB1",
                    Wisun = new WisunBrouteOptions { Password = "", RouteBId = "short", Module = "bp35x", MeterEoj = "013001" },
                },
            ],
        };

        var failures = string.Join("\n", new GatewayOptionsValidator().Validate(null, options).Failures!);

        Assert.Contains("Inputs:0:Wisun (Password, RouteBId) is required", failures, StringComparison.Ordinal);
        Assert.Contains("Inputs:1:Wisun:Password must be", failures, StringComparison.Ordinal);
        Assert.Contains("Inputs:1:Wisun:RouteBId must be 32", failures, StringComparison.Ordinal);
        Assert.Contains("Inputs:1:Wisun:Module 'bp35x'", failures, StringComparison.Ordinal);
        Assert.Contains("Inputs:1:Wisun:MeterEoj '013001'", failures, StringComparison.Ordinal);
    }

    private sealed class ListLogger(Xunit.Abstractions.ITestOutputHelper output) : Microsoft.Extensions.Logging.ILogger<WisunBrouteInputService>
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            output.WriteLine(DateTime.UtcNow.ToString("HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture) + " " + formatter(state, exception));
    }

    /// <summary>Sends one raw request per poll interval and keeps every payload that comes back or arrives by itself.</summary>
    private sealed class RecordingHandler(string request, TimeSpan interval) : IWisunPayloadHandler
    {
        private readonly byte[] _request = Convert.FromHexString(request);
        private readonly byte[] _buffer = new byte[1500];
        private DateTime _next;

        public ConcurrentQueue<byte[]> Payloads { get; } = new();

        public void SessionUp(string input, WisunMeterLink meter) => _next = DateTime.MinValue;

        public void Poll(string input, WisunMeterLink meter)
        {
            if (DateTime.UtcNow < _next)
            {
                return;
            }

            _next = DateTime.UtcNow + interval;
            if (meter.Send(_request, 0, _request.Length))
            {
                Take(meter, 2000);
            }
        }

        public void Listen(string input, WisunMeterLink meter, int timeoutMs) => Take(meter, (int)Math.Min(timeoutMs, Math.Max(0, (_next - DateTime.UtcNow).TotalMilliseconds)));

        public ValueTask FlushAsync(string input, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        private void Take(WisunMeterLink meter, int timeoutMs)
        {
            var n = meter.Receive(_buffer, 0, _buffer.Length, timeoutMs);
            if (n > 0)
            {
                Payloads.Enqueue(_buffer[..n]);
            }
        }
    }
}
