namespace Edge.Gateway.Radio;

/// <summary>What the gateway keeps of one meter telegram: the volume register and the status, copied out of the decoder.</summary>
/// <param name="Device">Device id (<see cref="MeterIdentity"/>).</param>
/// <param name="Mantissa">Volume in m³ = mantissa × 10^-scale.</param>
/// <param name="Scale">Decimal scale (0..18).</param>
/// <param name="Flags">Reading flags (<see cref="Edge.Firmware.Buffering.ReadingFlags"/>, <see cref="MeterAlarmFlags"/>).</param>
/// <param name="AccessNumber">Access number of the transport header, -1 when none.</param>
/// <param name="Digest">Digest of the telegram's bytes, for recognising repetitions.</param>
internal sealed record MeterReading(string Device, long Mantissa, int Scale, int Flags, int AccessNumber, long Digest);
