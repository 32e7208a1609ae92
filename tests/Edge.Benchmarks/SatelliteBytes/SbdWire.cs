using Edge.Firmware.Host.Serial;
using Edge.Gateway.Links;
using Edge.Gateway.Links.Iridium;
using Edge.HwSim.Iridium;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.Benchmarks.SatelliteBytes;

/// <summary>
/// The gateway's real Iridium link (driver, fragmenter, AT framing, MT acknowledgements) on a virtual 9603 over a
/// pty, with an endpoint that reassembles each batch and acknowledges it at once (no ingest: what crosses the
/// satellite does not depend on it). Sessions never fail and take no simulated time: this measures bytes, not time.
/// </summary>
internal sealed class SbdWire : IDisposable
{
    private readonly ScaledTimeProvider _time = new(1000, new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly PosixSerialPort _port;
    private readonly IridiumModem _driver;
    private readonly IridiumSbdLink _link;
    private readonly SbdReassembler _reassembler;

    public SbdWire()
    {
        Modem = new Virtual9603(new Virtual9603Options { SessionLatencyMin = TimeSpan.Zero, SessionLatencyMax = TimeSpan.Zero }, _time);
        Modem.Start();
        _reassembler = new SbdReassembler(new SbdReassemblerOptions(), _time);
        Modem.MoReceived += (_, message) =>
        {
            var result = _reassembler.Accept(message.Imei, message.Payload);
            if (result.Status == SbdReassemblyStatus.Complete)
            {
                Modem.QueueMt(new SbdAck(Edge.Uplink.BatchCodec.ReadHeader(result.Body!).Sequence, SbdAckStatus.Stored).ToMessage());
            }
        };
        _port = new PosixSerialPort(Modem.PortPath);
        _driver = new IridiumModem(_port, new IridiumModemOptions { CommandTimeout = TimeSpan.FromMinutes(10), SessionTimeout = TimeSpan.FromMinutes(10) }, _time, NullLogger<IridiumModem>.Instance);
        _link = new IridiumSbdLink(_driver, new IridiumLinkOptions(), _time, NullLogger<IridiumSbdLink>.Instance);
    }

    public Virtual9603 Modem { get; }

    /// <summary>Sends one encoded batch and waits for its acknowledgement; returns the serial-wire bytes it took.</summary>
    public async Task<long> SendAsync(long sequence, byte[] body)
    {
        var result = await _link.SendAsync(new OutboundBatch(sequence, body), CancellationToken.None);
        if (result.Outcome != LinkOutcome.Acknowledged)
        {
            throw new InvalidOperationException($"batch {sequence} not acknowledged: {result.Detail}");
        }

        return result.WireBytes;
    }

    public void Dispose()
    {
        _link.Dispose();
        _driver.Dispose();
        _port.Dispose();
        Modem.Dispose();
    }
}
