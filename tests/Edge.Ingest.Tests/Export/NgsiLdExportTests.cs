using System.Text.Json.Nodes;
using Edge.Ingest.Export;
using Edge.Ingest.Normalisation.Registers;
using Edge.Ingest.Normalisation.Units;
using Edge.Ingest.Registry;
using Edge.Ingest.Tests.Registry;

namespace Edge.Ingest.Tests.Export;

public sealed class NgsiLdExportTests
{
    private static readonly DateTimeOffset At = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static DeviceRegistration Sensor(DeviceKind kind, params (string Name, Quantity Quantity, string Unit)[] channels) =>
        Registrations.RainGauge() with { DeviceId = "s-1", Kind = kind, Channels = [.. channels.Select(c => new ChannelSpec(c.Name, c.Quantity, c.Unit))] };

    [Fact]
    public void WaterConsumptionObserved_Register_LitresIntegerWithContextAndDevice()
    {
        // 1234.5675 m³ = 1 234 567.5 l, rounded half to even = 1 234 568 l.
        var entity = NgsiLdExport.WaterConsumptionObserved(Registrations.Meter("wm-1"), new RegisterReading(At, 1234.5675m, ReverseFlow: true));

        var expected = JsonNode.Parse("""
            {
              "id": "urn:ngsi-ld:WaterConsumptionObserved:wm-1",
              "type": "WaterConsumptionObserved",
              "waterConsumption": { "type": "Property", "value": 1234568, "unitCode": "LTR", "observedAt": "2026-06-01T00:00:00.000Z",
                                    "observedBy": { "type": "Relationship", "object": "urn:ngsi-ld:Device:wm-1" } },
              "alarmWaterQuality": { "type": "Property", "value": 1, "observedAt": "2026-06-01T00:00:00.000Z",
                                     "observedBy": { "type": "Relationship", "object": "urn:ngsi-ld:Device:wm-1" } },
              "location": { "type": "GeoProperty", "value": { "type": "Point", "coordinates": [139.7536, 35.694] } },
              "@context": [ "https://raw.githubusercontent.com/smart-data-models/dataModel.WaterConsumption/master/context.jsonld",
                            "https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context.jsonld" ]
            }
            """);
        Assert.True(JsonNode.DeepEquals(expected, entity), entity.ToJsonString());
    }

    [Fact]
    public void Observation_WeatherStation_SchemaNamesUnitsAndHumidityAsFraction()
    {
        var station = Sensor(DeviceKind.Temperature, ("t", Quantity.Temperature, "Cel"), ("h", Quantity.RelativeHumidity, "%RH"));

        var entity = NgsiLdExport.Observation(station, At,
        [
            new ObservedValue("t", Quantity.Temperature, 21.5m),
            new ObservedValue("h", Quantity.RelativeHumidity, 55.5m),
            new ObservedValue("p", Quantity.Pressure, 1013.25m),
            new ObservedValue("r", Quantity.Precipitation, 2.5m),
            new ObservedValue("rr", Quantity.PrecipitationRate, 5m),
        ])!;

        Assert.Equal("urn:ngsi-ld:WeatherObserved:s-1", (string?)entity["id"]);
        Assert.Equal((21.5m, "CEL"), ((decimal)entity["temperature"]!["value"]!, (string?)entity["temperature"]!["unitCode"]));
        Assert.Equal(0.555m, (decimal)entity["relativeHumidity"]!["value"]!);   // 55.5 %RH / 100, schema range 0..1
        Assert.Null(entity["relativeHumidity"]!["unitCode"]);
        Assert.Equal((1013.25m, "A97"), ((decimal)entity["atmosphericPressure"]!["value"]!, (string?)entity["atmosphericPressure"]!["unitCode"]));
        Assert.Equal((2.5m, "MMT"), ((decimal)entity["precipitation"]!["value"]!, (string?)entity["precipitation"]!["unitCode"]));
        Assert.Equal("2026-06-01T00:00:00.000Z", (string?)entity["dateObserved"]!["value"]!["@value"]);
        Assert.Equal("urn:ngsi-ld:Device:s-1", (string?)entity["refDevice"]!["object"]);
        // Rain intensity has no WeatherObserved attribute and is left out.
        Assert.Equal(
            ["@context", "atmosphericPressure", "dateObserved", "id", "location", "precipitation", "refDevice", "relativeHumidity", "temperature", "type"],
            entity.Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(DeviceKind.Pm10, Quantity.MassConcentration, "AirQualityObserved", "pm10", "GQ")]
    [InlineData(DeviceKind.Pm25, Quantity.MassConcentration, "AirQualityObserved", "pm25", "GQ")]
    [InlineData(DeviceKind.Co2, Quantity.MoleFraction, "AirQualityObserved", "co2", "59")]
    [InlineData(DeviceKind.WaterLevel, Quantity.WaterLevel, "WaterObserved", "height", "MTR")]
    public void Observation_SensorKind_ModelAttributeAndUnitCode(DeviceKind kind, Quantity quantity, string model, string attribute, string unitCode)
    {
        var entity = NgsiLdExport.Observation(Sensor(kind, ("c", quantity, CanonicalUnits.For(quantity).Symbol)), At,
            [new ObservedValue("c", quantity, 12.5m)])!;

        Assert.Equal(model, (string?)entity["type"]);
        Assert.Equal((12.5m, unitCode), ((decimal)entity[attribute]!["value"]!, (string?)entity[attribute]!["unitCode"]));
        Assert.StartsWith("https://raw.githubusercontent.com/smart-data-models/dataModel.Environment/", (string?)entity["@context"]![0], StringComparison.Ordinal);
    }

    [Fact]
    public void Observation_Seismic_NoModelNull()
    {
        Assert.Null(NgsiLdExport.Observation(Sensor(DeviceKind.Seismic, ("a", Quantity.Acceleration, "gal")), At, []));
    }

    [Fact]
    public void Device_Meter_CategoryControlledPropertySerial()
    {
        var entity = NgsiLdExport.Device(Registrations.Meter("wm 1"), At);

        Assert.Equal("urn:ngsi-ld:Device:wm%201", (string?)entity["id"]);
        Assert.Equal("meter", (string?)entity["category"]!["value"]![0]);
        Assert.Equal("waterConsumption", (string?)entity["controlledProperty"]!["value"]![0]);
        Assert.Equal("S-1", (string?)entity["serialNumber"]!["value"]);
        Assert.Equal("2026-06-01T00:00:00.000Z", (string?)entity["dateLastValueReported"]!["value"]!["@value"]);
    }
}
