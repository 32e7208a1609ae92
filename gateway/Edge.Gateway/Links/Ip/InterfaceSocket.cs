using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text;

namespace Edge.Gateway.Links.Ip;

/// <summary>
/// Opens TCP connections through one network interface: the socket is bound to the interface's address (so the
/// packets carry it as their source), and on Linux also to the device itself with <c>SO_BINDTODEVICE</c>
/// (socket(7); allowed without privileges since Linux 5.7 on a socket not yet bound to a device), so the kernel
/// sends them out of that interface whatever the routing table says. Failures become <see cref="HttpRequestException"/>.
/// </summary>
internal static class InterfaceSocket
{
    // <sys/socket.h> (asm-generic/socket.h): SOL_SOCKET 1, SO_BINDTODEVICE 25.
    private const int SolSocket = 1;
    private const int SoBindToDevice = 25;

    /// <summary>Connects to <paramref name="endPoint"/> (name resolved here) from <paramref name="interfaceName"/>, or from any interface when empty.</summary>
    public static async ValueTask<Stream> ConnectAsync(string interfaceName, DnsEndPoint endPoint, WireCounter counter, CancellationToken cancellationToken)
    {
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(endPoint.Host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(endPoint.Host, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException ex)
        {
            throw new HttpRequestException($"cannot resolve {endPoint.Host}: {ex.Message}", ex);
        }

        SocketException? last = null;
        foreach (var address in addresses)
        {
            IPAddress? local = null;
            if (interfaceName.Length > 0 && (local = LocalAddress(interfaceName, address.AddressFamily)) is null)
            {
                continue;
            }

            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                if (local is not null)
                {
                    BindToDevice(socket, interfaceName);
                    socket.Bind(new IPEndPoint(local, 0));
                }

                await socket.ConnectAsync(new IPEndPoint(address, endPoint.Port), cancellationToken).ConfigureAwait(false);
                return new CountingStream(new NetworkStream(socket, ownsSocket: true), counter);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last is not null
            ? new HttpRequestException($"cannot connect to {endPoint.Host}:{endPoint.Port}{Through(interfaceName)}: {last.Message}", last)
            : new HttpRequestException($"interface '{interfaceName}' is missing or has no address for {endPoint.Host}");
    }

    /// <summary>The interface's first usable unicast address of the family (IPv6 link-local addresses are skipped), or null.</summary>
    public static IPAddress? LocalAddress(string interfaceName, AddressFamily family)
    {
        var nic = NetworkInterface.GetAllNetworkInterfaces().FirstOrDefault(n => n.Name == interfaceName);
        return nic?.GetIPProperties().UnicastAddresses
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == family && !a.IsIPv6LinkLocal);
    }

    private static void BindToDevice(Socket socket, string interfaceName)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            socket.SetRawSocketOption(SolSocket, SoBindToDevice, Encoding.ASCII.GetBytes(interfaceName + "\0"));
        }
        catch (SocketException)
        {
            // Older kernels want CAP_NET_RAW: the address binding alone still picks the source address.
        }
    }

    private static string Through(string interfaceName) => interfaceName.Length > 0 ? $" through {interfaceName}" : "";
}
