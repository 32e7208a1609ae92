using Edge.Ingest.Normalisation;
using Edge.Ingest.Normalisation.Units;
using Edge.Ingest.Registry;
using Edge.Ingest.Tests.Registry;
using Edge.Uplink;
using Microsoft.Extensions.Options;

namespace Edge.Ingest.Tests.Normalisation;

// The HTTP decoders already refuse undefined clock qualities and missing fields, so those paths are tested here.
public sealed class BatchNormaliserTests
{
    private static readonly DateTimeOffset _now = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly long _t0 = _now.AddHours(-1).ToUnixTimeMilliseconds();

    [Fact]
    public void Normalise_UndefinedClockQuality_ThatReadingSetAsideWithNumber()
    {
        var batch = Batch(new DeviceRun("m", [new ChannelRun("volume", "l", 0,
        [
            new ReadingPoint(1, _t0, 10, ClockQuality.Gnss, 0),
            new ReadingPoint(2, _t0, 20, (ClockQuality)7, 3),
        ])]));

        var result = Normaliser().Normalise(batch, _now, Registered("m"));

        Assert.Null(result.Error);
        Assert.Equal([1L], result.Readings!.Select(r => r.Seq));
        Assert.Equal(
            [new RejectedReading("m", 2, "volume", _t0, "7", 3, 20, 0, "l",
                "Device 'm' channel 'volume' reading seq 2 has the unknown clock quality 7.")],
            result.Rejected);
    }

    [Fact]
    public void Normalise_UnregisteredChannel_OtherChannelOfSameDeviceKept()
    {
        var batch = Batch(new DeviceRun("m",
        [
            new ChannelRun("volume", "m3", 3, [new ReadingPoint(1, _t0, 1500, ClockQuality.Ntp, 0)]),
            new ChannelRun("temperature", "Cel", 1, [new ReadingPoint(2, _t0, 215, ClockQuality.Ntp, 0)]),
        ]));

        var result = Normaliser().Normalise(batch, _now, Registered("m"));

        Assert.Equal([(1L, 1.5)], result.Readings!.Select(r => (r.Seq, r.Value)));
        var rejected = Assert.Single(result.Rejected);
        Assert.Equal((2L, "temperature", 215L, 1, "Cel", "ntp"),
            (rejected.Seq, rejected.Channel, rejected.RawMantissa, rejected.RawScale, rejected.RawUnit, rejected.ClockQuality));
        Assert.Equal("Device 'm' has no channel 'temperature' registered; registered: volume.", rejected.Reason);
    }

    [Fact]
    public void Normalise_ReadingOneMillisecondBeyondSkew_SetAside()
    {
        var limit = _now.AddMinutes(10).ToUnixTimeMilliseconds();
        var batch = Batch(new DeviceRun("m", [new ChannelRun("volume", "l", 0,
        [
            new ReadingPoint(1, limit, 1, ClockQuality.Ntp, 0),
            new ReadingPoint(2, limit + 1, 2, ClockQuality.Ntp, 0),
        ])]));

        var result = Normaliser().Normalise(batch, _now, Registered("m"));

        Assert.Equal([1L], result.Readings!.Select(r => r.Seq));
        Assert.Equal([2L], result.Rejected.Select(r => r.Seq));
    }

    [Fact]
    public void Normalise_DeviceWithoutId_WholeBatchRefusedNothingSetAside()
    {
        var batch = Batch(
            new DeviceRun("m", [new ChannelRun("volume", "kWh", 0, [new ReadingPoint(1, _t0, 1, ClockQuality.Ntp, 0)])]),
            new DeviceRun("", [new ChannelRun("volume", "l", 0, [new ReadingPoint(1, _t0, 1, ClockQuality.Ntp, 0)])]));

        var result = Normaliser().Normalise(batch, _now, Registered("m"));

        Assert.Equal("A device entry has no device id or no channel list.", result.Error);
        Assert.Null(result.Readings);
        Assert.Empty(result.Rejected);
    }

    // Registered devices: each channel by its registration (quantity, unit, multiplier). Expected values are worked out
    // by hand from the unit definitions (SI Brochure, 9th ed., tables 8 and 9), not by the catalog's factors.
    [Theory]
    [InlineData("volume", "l", "1", "l", 123456L, 1, 12.3456, "m3", "MTQ")]        // 12345.6 l = 12.3456 m³
    [InlineData("pulses", "l", "2.5", "l", 1234L, 0, 3.085, "m3", "MTQ")]          // 1234 pulses × 2.5 l = 3085 l
    [InlineData("pulses", "l", "10", "l", 7L, 0, 0.07, "m3", "MTQ")]               // 7 × 10 l = 70 l
    [InlineData("volume", "m3", "0.001", "m3", 4567L, 0, 4.567, "m3", "MTQ")]      // a register counting litres, sent as m3
    [InlineData("flow", "l/min", "1", "l/min", 150L, 1, 0.9, "m3/h", "MQH")]       // 15 l/min × 60 min/h = 900 l/h
    [InlineData("t", "K", "1", "K", 29815L, 2, 25.0, "Cel", "CEL")]                // 298.15 K − 273.15
    [InlineData("t", "degF", "1", "degF", 986L, 1, 37.0, "Cel", "CEL")]            // (98.6 − 32) × 5 / 9
    [InlineData("p", "kPa", "1", "kPa", 1013L, 1, 1013.0, "hPa", "A97")]           // 101.3 kPa = 101300 Pa
    [InlineData("level", "cm", "1", "cm", 250L, 0, 2.5, "m", "MTR")]               // water level 250 cm
    [InlineData("rain", "cm", "1", "cm", 25L, 1, 25.0, "mm", "MMT")]               // rain 2.5 cm
    public void Normalise_RegisteredChannel_CanonicalUnitByRegistration(
        string channel, string registeredUnit, string multiplier, string sentUnit, long mantissa, int scale,
        double expected, string unit, string code)
    {
        var quantity = channel switch
        {
            "volume" or "pulses" => Quantity.Volume,
            "flow" => Quantity.VolumeFlow,
            "t" => Quantity.Temperature,
            "p" => Quantity.Pressure,
            "level" => Quantity.WaterLevel,
            _ => Quantity.Precipitation,
        };
        var device = Registrations.Meter("m") with
        {
            Channels = [new ChannelSpec(channel, quantity, registeredUnit, decimal.Parse(multiplier, System.Globalization.CultureInfo.InvariantCulture))],
        };
        var batch = Batch(new DeviceRun("m", [new ChannelRun(channel, sentUnit, scale, [new ReadingPoint(1, _t0, mantissa, ClockQuality.Ntp, 0)])]));

        var result = Normaliser().Normalise(batch, _now, new Dictionary<string, DeviceRegistration> { ["m"] = device });

        var reading = Assert.Single(result.Readings!);
        Assert.Empty(result.Rejected);
        Assert.Equal((expected, unit, code, false), (reading.Value, reading.Unit, reading.UnitCode, reading.Quarantined));
        Assert.Equal((mantissa, scale, sentUnit), (reading.RawMantissa, reading.RawScale, reading.RawUnit));
    }

    [Fact]
    public void Normalise_ScaledChannelSentInAnotherUnit_SetAside()
    {
        var device = Registrations.Meter("m") with { Channels = [new ChannelSpec("pulses", Quantity.Volume, "l", 10m)] };
        var batch = Batch(new DeviceRun("m", [new ChannelRun("pulses", "m3", 0, [new ReadingPoint(1, _t0, 3, ClockQuality.Ntp, 0)])]));

        var result = Normaliser().Normalise(batch, _now, new Dictionary<string, DeviceRegistration> { ["m"] = device });

        Assert.Empty(result.Readings!);
        Assert.Equal(
            "Device 'm' channel 'pulses' is scaled for 'l' and must be sent in it, not in 'm3'.",
            Assert.Single(result.Rejected).Reason);
    }

    [Fact]
    public void Normalise_UnregisteredDevice_ConvertedByUnitAloneAndQuarantined()
    {
        var batch = Batch(new DeviceRun("new", [new ChannelRun("volume", "l", 0, [new ReadingPoint(1, _t0, 1250, ClockQuality.Ntp, 0)])]));

        var result = Normaliser().Normalise(batch, _now, new Dictionary<string, DeviceRegistration>());

        var reading = Assert.Single(result.Readings!);
        Assert.Equal((1.25, "m3", "MTQ", true), (reading.Value, reading.Unit, reading.UnitCode, reading.Quarantined));
    }

    [Theory]
    [InlineData("mm", "Device 'new' (not registered) channel 'c' uses the unit 'mm', which can measure precipitation or water-level; register the device to say which.")]
    [InlineData("BTU", "Device 'new' (not registered) channel 'c' uses the unit 'BTU', which is not supported; supported units: ")]
    public void Normalise_UnregisteredDeviceAmbiguousOrUnknownUnit_SetAsideWithReason(string unit, string reason)
    {
        var batch = Batch(new DeviceRun("new", [new ChannelRun("c", unit, 0, [new ReadingPoint(1, _t0, 5, ClockQuality.Ntp, 0)])]));

        var result = Normaliser().Normalise(batch, _now, new Dictionary<string, DeviceRegistration>());

        Assert.Empty(result.Readings!);
        Assert.StartsWith(reason, Assert.Single(result.Rejected).Reason, StringComparison.Ordinal);
    }

    private static Batch Batch(params DeviceRun[] devices) => new("gw-1", 1, _now.ToUnixTimeMilliseconds(), devices, [], []);

    // A water meter with one volume channel in litres.
    private static Dictionary<string, DeviceRegistration> Registered(string deviceId) =>
        new() { [deviceId] = Registrations.Meter(deviceId) };

    private static BatchNormaliser Normaliser() => new(ChannelValueNormaliser.Default, Options.Create(new IngestOptions()));
}
