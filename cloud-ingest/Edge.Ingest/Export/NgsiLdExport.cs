using System.Text.Json.Nodes;
using Edge.Ingest.Normalisation.Registers;
using Edge.Ingest.Registry;
using static Edge.Ingest.Export.NgsiLdAttributes;

namespace Edge.Ingest.Export;

/// <summary>NGSI-LD entities (normalized form) of registered devices and their data, as FIWARE Smart Data Models.</summary>
public static class NgsiLdExport
{
    /// <summary>The Device entity of a registration.</summary>
    public static JsonObject Device(DeviceRegistration device, DateTimeOffset? lastValueReported = null)
    {
        ArgumentNullException.ThrowIfNull(device);
        var entity = new JsonObject
        {
            ["id"] = EntityId(SmartDataModels.Device, device.DeviceId),
            ["type"] = SmartDataModels.Device,
            ["category"] = Property(new JsonArray(SmartDataModels.Category(device.Kind))),
            ["controlledProperty"] = Property(new JsonArray([.. device.Channels
                .Select(c => SmartDataModels.ControlledProperty(device.Kind, c.Quantity)).Distinct(StringComparer.Ordinal)
                .Select(p => (JsonNode?)p)])),
            ["location"] = Point(device.Location.Latitude, device.Location.Longitude),
        };
        if (device.Meter?.Serial is { } serial)
        {
            entity["serialNumber"] = Property(serial);
        }

        if (lastValueReported is { } at)
        {
            entity["dateLastValueReported"] = DateTimeProperty(at);
        }

        return WithContext(entity, SmartDataModels.Device);
    }

    /// <summary>
    /// The WaterConsumptionObserved entity of a meter's register reading. The schema types <c>waterConsumption</c> as
    /// an integer total, and its normalized example states litres (LTR); the register is therefore sent in whole
    /// litres (rounded half to even when the register has sub-litre digits). A flagged reverse flow sets
    /// <c>alarmWaterQuality</c> ("potential of backflows occurring") to 1.
    /// </summary>
    public static JsonObject WaterConsumptionObserved(DeviceRegistration meter, RegisterReading register)
    {
        ArgumentNullException.ThrowIfNull(meter);
        var device = EntityId(SmartDataModels.Device, meter.DeviceId);
        var litres = (long)decimal.Round(register.ValueM3 * 1000m, MidpointRounding.ToEven);
        var consumption = Property(litres, "LTR", register.ObservedAt);
        consumption["observedBy"] = Relationship(device);
        var backflow = Property(register.ReverseFlow ? 1 : 0, observedAt: register.ObservedAt);
        backflow["observedBy"] = Relationship(device);
        var entity = new JsonObject
        {
            ["id"] = EntityId(SmartDataModels.WaterConsumptionObserved, meter.DeviceId),
            ["type"] = SmartDataModels.WaterConsumptionObserved,
            ["waterConsumption"] = consumption,
            ["alarmWaterQuality"] = backflow,
            ["location"] = Point(meter.Location.Latitude, meter.Location.Longitude),
        };
        return WithContext(entity, SmartDataModels.WaterConsumptionObserved);
    }

    /// <summary>
    /// The observation entity (WeatherObserved, AirQualityObserved or WaterObserved) of a sensor's values observed at
    /// one time; null for kinds without a model (seismic). Values the model has no attribute for are left out.
    /// </summary>
    public static JsonObject? Observation(DeviceRegistration sensor, DateTimeOffset observedAt, IReadOnlyList<ObservedValue> values)
    {
        ArgumentNullException.ThrowIfNull(sensor);
        ArgumentNullException.ThrowIfNull(values);
        if (SmartDataModels.ObservationModel(sensor.Kind) is not { } model || model == SmartDataModels.WaterConsumptionObserved)
        {
            return null;
        }

        var entity = new JsonObject
        {
            ["id"] = EntityId(model, sensor.DeviceId),
            ["type"] = model,
            ["dateObserved"] = DateTimeProperty(observedAt),
            ["location"] = Point(sensor.Location.Latitude, sensor.Location.Longitude),
            ["refDevice"] = Relationship(EntityId(SmartDataModels.Device, sensor.DeviceId)),
        };
        foreach (var value in values)
        {
            if (SmartDataModels.Attribute(model, sensor.Kind, value.Quantity) is { } attribute)
            {
                entity[attribute.Name] = Property(value.Value / attribute.Divisor, attribute.UnitCode, observedAt);
            }
        }

        return WithContext(entity, model);
    }

    private static JsonObject WithContext(JsonObject entity, string model)
    {
        entity["@context"] = new JsonArray(SmartDataModels.Context(model), CoreContext);
        return entity;
    }
}
