using System.Net;

namespace Signals.Telegram.Emulator.Server;

/// <summary>The console entry's command line.</summary>
internal sealed record ServerArguments(IPEndPoint Listen, string? PublicKeyOut, string? PrivateKeyFile)
{
    public static ServerArguments? Parse(IReadOnlyList<string> args)
    {
        IPEndPoint? listen = null;
        string? publicKeyOut = null, privateKey = null;
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            switch (args[i])
            {
                case "--listen" when IPEndPoint.TryParse(args[i + 1], out var endPoint):
                    listen = endPoint;
                    break;
                case "--public-key-out":
                    publicKeyOut = args[i + 1];
                    break;
                case "--private-key":
                    privateKey = args[i + 1];
                    break;
                default:
                    return null;
            }
        }

        return args.Count % 2 == 0 && listen is not null ? new ServerArguments(listen, publicKeyOut, privateKey) : null;
    }
}
