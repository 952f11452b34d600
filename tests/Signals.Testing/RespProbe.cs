using System.Net.Sockets;
using System.Text;

namespace Signals.Testing;

/// <summary>
/// Talks to a Redis port over a bare socket. Start-up and shutdown must not depend on a client library's
/// reconnect logic, so this sends one inline command and reads one reply line.
/// </summary>
internal static class RespProbe
{
    public static async Task<string?> TrySendAsync(int port, string inlineCommand, CancellationToken ct)
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            await client.ConnectAsync("127.0.0.1", port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes(inlineCommand + "\r\n"), timeout.Token);
            var buffer = new byte[256];
            var read = await stream.ReadAsync(buffer, timeout.Token);
            return read == 0 ? null : Encoding.ASCII.GetString(buffer, 0, read).TrimEnd();
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return null;
        }
    }
}
