using System.Net;
using System.Net.Sockets;

namespace Edge.HwSim.Demo;

/// <summary>Finds free TCP ports on loopback.</summary>
public static class PortFinder
{
    /// <summary>A port nobody listens on right now.</summary>
    public static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
