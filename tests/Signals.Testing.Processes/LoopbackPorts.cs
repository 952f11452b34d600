using System.Net;
using System.Net.Sockets;

namespace Signals.Testing.Processes;

/// <summary>Loopback ports nobody listens on right now (a small race remains until the child binds them).</summary>
public static class LoopbackPorts
{
    private static readonly HashSet<int> Handed = [];

    public static int Next()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            lock (Handed)
            {
                // Never the same port twice in one harness: three ports per silo are picked before any is bound.
                if (port != 6379 && Handed.Add(port))
                {
                    return port;
                }
            }
        }
    }
}
