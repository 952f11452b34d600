using System.Net;
using System.Net.Sockets;

namespace Signals.Testing;

/// <summary>Picks a loopback port nobody listens on right now.</summary>
internal static class FreePort
{
    // The port a system-wide Redis (e.g. the daemon apt starts) would use; tests must never talk to it.
    private const int DefaultRedisPort = 6379;

    public static int Next()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            if (port != DefaultRedisPort)
            {
                return port;
            }
        }
    }
}
