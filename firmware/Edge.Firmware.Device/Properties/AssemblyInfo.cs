using System.Reflection;

[assembly: AssemblyTitle("Edge.Firmware.Device")]
[assembly: AssemblyDescription("Edge pulse water meter node for ESP32 on .NET nanoFramework")]
[assembly: AssemblyProduct("Edge")]
[assembly: AssemblyVersion("1.0.0.0")]
