using System.Net;
using System.Net.Sockets;

namespace Signals.Client.Tests.Support;

/// <summary>A loopback port nobody listens on (the OS just handed it out and it was released).</summary>
public static class UnusedPort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
