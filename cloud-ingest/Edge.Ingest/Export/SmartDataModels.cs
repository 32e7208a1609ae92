using Edge.Ingest.Normalisation.Units;
using Edge.Ingest.Registry;

namespace Edge.Ingest.Export;

/// <summary>
/// Which FIWARE Smart Data Model carries which device's data, under which attribute names and @context. Names and
/// units as in the models' schema.json (smart-data-models GitHub repositories): WaterConsumptionObserved
/// (dataModel.WaterConsumption: waterConsumption, alarmWaterQuality), WeatherObserved (dataModel.Weather: temperature,
/// relativeHumidity 0-1, atmosphericPressure in hPa, precipitation in l/m² = mm), AirQualityObserved
/// (dataModel.Environment: pm25, pm10, co2, temperature, relativeHumidity 0-1), WaterObserved (dataModel.Environment:
/// height, flow) and Device (dataModel.Device: category, controlledProperty).
/// </summary>
public static class SmartDataModels
{
    /// <summary>The WaterConsumptionObserved entity type.</summary>
    public const string WaterConsumptionObserved = "WaterConsumptionObserved";

    /// <summary>The WeatherObserved entity type.</summary>
    public const string WeatherObserved = "WeatherObserved";

    /// <summary>The AirQualityObserved entity type.</summary>
    public const string AirQualityObserved = "AirQualityObserved";

    /// <summary>The WaterObserved entity type.</summary>
    public const string WaterObserved = "WaterObserved";

    /// <summary>The Device entity type.</summary>
    public const string Device = "Device";

    /// <summary>The @context of a model's subject repository.</summary>
    public static string Context(string entityType) => entityType switch
    {
        WaterConsumptionObserved => Raw("dataModel.WaterConsumption"),
        WeatherObserved => Raw("dataModel.Weather"),
        AirQualityObserved or WaterObserved => Raw("dataModel.Environment"),
        Device => Raw("dataModel.Device"),
        _ => throw new ArgumentOutOfRangeException(nameof(entityType), entityType, "Not a model Edge exports."),
    };

    /// <summary>
    /// The observation model of a device kind; null for seismic sensors, for which no Smart Data Model exists
    /// (they are exported as Device entities only).
    /// </summary>
    public static string? ObservationModel(DeviceKind kind) => kind switch
    {
        DeviceKind.WaterMeter => WaterConsumptionObserved,
        DeviceKind.Temperature or DeviceKind.Humidity or DeviceKind.Pressure or DeviceKind.Rain => WeatherObserved,
        DeviceKind.Co2 or DeviceKind.Pm25 or DeviceKind.Pm10 => AirQualityObserved,
        DeviceKind.WaterLevel => WaterObserved,
        _ => null,
    };

    /// <summary>
    /// The attribute of <paramref name="model"/> that carries a <paramref name="quantity"/> value of a
    /// <paramref name="kind"/> device, its Rec 20 unit code (null for ratios) and the divisor from Edge's canonical
    /// unit; null when the model has no such attribute (e.g. rain intensity in WeatherObserved).
    /// </summary>
    public static (string Name, string? UnitCode, decimal Divisor)? Attribute(string model, DeviceKind kind, Quantity quantity) =>
        (model, quantity) switch
        {
            (WeatherObserved or AirQualityObserved, Quantity.Temperature) => ("temperature", "CEL", 1m),
            // Both schemas: "a number between 0 and 1 representing the range of 0% to 100%".
            (WeatherObserved or AirQualityObserved, Quantity.RelativeHumidity) => ("relativeHumidity", null, 100m),
            (WeatherObserved, Quantity.Pressure) => ("atmosphericPressure", "A97", 1m),
            (WeatherObserved, Quantity.Precipitation) => ("precipitation", "MMT", 1m),
            (AirQualityObserved, Quantity.MassConcentration) => (kind == DeviceKind.Pm10 ? "pm10" : "pm25", "GQ", 1m),
            (AirQualityObserved, Quantity.MoleFraction) => ("co2", "59", 1m),
            (WaterObserved, Quantity.WaterLevel) => ("height", "MTR", 1m),
            (WaterObserved, Quantity.VolumeFlow) => ("flow", "MQH", 1m),
            _ => null,
        };

    /// <summary>Device <c>category</c> (CategoryType enum of dataModel.Device).</summary>
    public static string Category(DeviceKind kind) => kind == DeviceKind.WaterMeter ? "meter" : "sensor";

    /// <summary>
    /// Device <c>controlledProperty</c> value (ControlledPropertyType enum of dataModel.Device). The enum has no water
    /// level or seismic entry; <c>depth</c> and <c>motion</c> are the nearest.
    /// </summary>
    public static string ControlledProperty(DeviceKind kind, Quantity quantity) => quantity switch
    {
        Quantity.Volume or Quantity.VolumeFlow => "waterConsumption",
        Quantity.Temperature => "temperature",
        Quantity.RelativeHumidity => "humidity",
        Quantity.Pressure => kind == DeviceKind.WaterMeter ? "pressure" : "atmosphericPressure",
        Quantity.Precipitation or Quantity.PrecipitationRate => "precipitation",
        Quantity.WaterLevel => "depth",
        Quantity.MassConcentration or Quantity.MoleFraction => "airPollution",
        _ => "motion",
    };

    private static string Raw(string repository) =>
        $"https://raw.githubusercontent.com/smart-data-models/{repository}/master/context.jsonld";
}
