namespace Edge.HwSim.Modbus;

/// <summary>
/// A district electromagnetic flow meter's converter on Modbus RTU. The register map is Edge's simulated one, laid
/// out the way such converters commonly are (measurements in input registers, settings in holding registers):
/// <list type="table">
/// <item><term>input 0-1</term><description>flow rate, float32, m³/h (negative when flowing backwards)</description></item>
/// <item><term>input 2-3</term><description>forward totaliser, uint32, litres</description></item>
/// <item><term>input 4-5</term><description>reverse totaliser, uint32, litres</description></item>
/// <item><term>input 6-7</term><description>forward totaliser, float32, m³</description></item>
/// <item><term>input 8</term><description>status: bit 0 empty pipe, bit 1 reverse flow, bit 2 excitation (coil) alarm</description></item>
/// <item><term>input 16-17</term><description>serial number, uint32</description></item>
/// <item><term>holding 0</term><description>slave address 1..247 (applies after the reply)</description></item>
/// <item><term>holding 1</term><description>word order of 32-bit values: 0 ABCD, 1 CDAB, 2 BADC, 3 DCBA</description></item>
/// <item><term>holding 2</term><description>write 0x5A5A to reset both totalisers (other values: exception 03)</description></item>
/// <item><term>holding 3</term><description>damping, seconds 0..60</description></item>
/// </list>
/// The totalisers integrate the flow over <see cref="TimeProvider"/> time; the registers show whole litres.
/// </summary>
public sealed class SimulatedFlowMeter : VirtualModbusSlave
{
    private const ushort ResetCode = 0x5A5A;
    private double _flow;
    private double _forwardLitres;
    private double _reverseLitres;
    private DateTimeOffset _last;
    private ushort _damping = 3;

    /// <summary>Creates the meter at <paramref name="address"/> with serial <paramref name="serial"/>.</summary>
    public SimulatedFlowMeter(int address, uint serial, TimeProvider? time = null)
        : base(address, time)
    {
        Serial = serial;
        _last = Time.GetUtcNow();
        MapInputFloat(0, () => _flow);
        MapInput32(2, () => (uint)Math.Floor(_forwardLitres));
        MapInput32(4, () => (uint)Math.Floor(_reverseLitres));
        MapInputFloat(6, () => _forwardLitres / 1000);
        MapInput(8, () => Status);
        MapInput32(16, () => Serial);
        MapHolding(0, () => (ushort)Address, SetAddressAfterReply);
        MapHolding(1, WordOrderCode, SetWordOrder);
        MapHolding(2, () => 0, v =>
        {
            if (v != ResetCode)
            {
                return 0x03;
            }

            _forwardLitres = 0;
            _reverseLitres = 0;
            return 0;
        });
        MapHolding(3, () => _damping, v =>
        {
            if (v > 60)
            {
                return 0x03;
            }

            _damping = v;
            return 0;
        });
    }

    /// <summary>Serial number (input registers 16-17).</summary>
    public uint Serial { get; }

    /// <summary>Empty pipe detected (status bit 0).</summary>
    public bool EmptyPipe { get; set; }

    /// <summary>Excitation coil alarm (status bit 2).</summary>
    public bool CoilAlarm { get; set; }

    /// <summary>Forward totaliser in litres (with the fraction the registers do not show).</summary>
    public double ForwardLitres
    {
        get { lock (SyncRoot) { Advance(); return _forwardLitres; } }
    }

    /// <summary>Reverse totaliser in litres.</summary>
    public double ReverseLitres
    {
        get { lock (SyncRoot) { Advance(); return _reverseLitres; } }
    }

    private ushort Status => (ushort)((EmptyPipe ? 1 : 0) | (_flow < 0 ? 2 : 0) | (CoilAlarm ? 4 : 0));

    /// <summary>Sets the flow rate in m³/h from now on (negative: reverse flow).</summary>
    public void SetFlowCubicMetresPerHour(double flow)
    {
        lock (SyncRoot)
        {
            Advance();
            _flow = flow;
        }
    }

    /// <summary>Sets both totalisers, in litres.</summary>
    public void SetTotalisersLitres(double forward, double reverse)
    {
        lock (SyncRoot)
        {
            Advance();
            _forwardLitres = forward;
            _reverseLitres = reverse;
        }
    }

    /// <inheritdoc />
    protected override void OnRequest() => Advance();

    private void Advance()
    {
        var now = Time.GetUtcNow();
        var litres = _flow * 1000 * (now - _last).TotalHours;
        _last = now;
        if (litres >= 0)
        {
            _forwardLitres += litres;
        }
        else
        {
            _reverseLitres -= litres;
        }
    }
}
