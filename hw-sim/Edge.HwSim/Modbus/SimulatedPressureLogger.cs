namespace Edge.HwSim.Modbus;

/// <summary>
/// A battery pressure logger on a water main, on Modbus RTU. Edge's simulated register map:
/// <list type="table">
/// <item><term>input 0</term><description>pressure, int16, 0.1 kPa (gauge; negative under vacuum)</description></item>
/// <item><term>input 1-2</term><description>pressure, float32, bar</description></item>
/// <item><term>input 3</term><description>battery, uint16, mV</description></item>
/// <item><term>input 4</term><description>water temperature, int16, 0.1 °C</description></item>
/// <item><term>input 16-17</term><description>serial number, uint32</description></item>
/// <item><term>holding 0</term><description>slave address (read only here)</description></item>
/// <item><term>holding 1</term><description>word order of 32-bit values: 0 ABCD, 1 CDAB, 2 BADC, 3 DCBA</description></item>
/// <item><term>holding 2</term><description>logging interval, seconds 1..3600</description></item>
/// </list>
/// </summary>
public sealed class SimulatedPressureLogger : VirtualModbusSlave
{
    private double _kilopascals;
    private ushort _interval = 60;

    /// <summary>Creates the logger at <paramref name="address"/> with serial <paramref name="serial"/>.</summary>
    public SimulatedPressureLogger(int address, uint serial, TimeProvider? time = null)
        : base(address, time)
    {
        Serial = serial;
        MapInput(0, () => (ushort)(short)Math.Round(_kilopascals * 10, MidpointRounding.AwayFromZero));
        MapInputFloat(1, () => _kilopascals / 100);
        MapInput(3, () => BatteryMillivolts);
        MapInput(4, () => (ushort)(short)Math.Round(WaterCelsius * 10, MidpointRounding.AwayFromZero));
        MapInput32(16, () => Serial);
        MapHolding(0, () => (ushort)Address);
        MapHolding(1, WordOrderCode, SetWordOrder);
        MapHolding(2, () => _interval, v =>
        {
            if (v is < 1 or > 3600)
            {
                return 0x03;
            }

            _interval = v;
            return 0;
        });
    }

    /// <summary>Serial number (input registers 16-17).</summary>
    public uint Serial { get; }

    /// <summary>Battery voltage in mV.</summary>
    public ushort BatteryMillivolts { get; set; } = 3600;

    /// <summary>Water temperature in °C.</summary>
    public double WaterCelsius { get; set; } = 12.5;

    /// <summary>Sets the gauge pressure in kPa.</summary>
    public void SetPressureKilopascals(double kilopascals)
    {
        lock (SyncRoot)
        {
            _kilopascals = kilopascals;
        }
    }
}
