using Signals.Telegram.Mtproto.Auth;

namespace Signals.Telegram.Mtproto.Tests.Support;

internal static class Handshakes
{
    /// <summary>Runs both sides against each other in memory and returns (client result, server result).</summary>
    public static (HandshakeResult Client, HandshakeResult Server) Run(ClientHandshake client, ServerHandshake server)
    {
        var request = client.Start();
        HandshakeResult? serverResult = null;
        for (var step = 0; step < 20; step++)
        {
            var serverStep = server.Handle(request);
            serverResult ??= serverStep.Result;
            var clientStep = client.Handle(serverStep.Reply!);
            if (clientStep.Result is { } done)
            {
                return (done, serverResult!);
            }

            request = clientStep.Reply!;
        }

        throw new InvalidOperationException("The handshake did not finish.");
    }
}
