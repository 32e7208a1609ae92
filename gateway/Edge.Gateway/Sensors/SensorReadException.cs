namespace Edge.Gateway.Sensors;

/// <summary>A sensor answered but its reading was unusable (CRC mismatch, measurement skipped).</summary>
public sealed class SensorReadException(string message) : Exception(message);
