namespace Edge.HwSim.Iridium;

/// <summary>An MO message the virtual modem delivered to the Iridium gateway side in a successful session.</summary>
/// <param name="Imei">The modem that sent it.</param>
/// <param name="Momsn">Its MO message sequence number.</param>
/// <param name="Payload">The message bytes.</param>
public sealed record SbdMoMessage(string Imei, int Momsn, byte[] Payload);
