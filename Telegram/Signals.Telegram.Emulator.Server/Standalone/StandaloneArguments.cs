using System.CommandLine;
using System.CommandLine.Parsing;
using System.Net;

namespace Signals.Telegram.Emulator.Server.Standalone;

/// <summary>The standalone emulator's command line (System.CommandLine, as the <c>signals</c> CLI uses).</summary>
public static class StandaloneArguments
{
    public const string Usage =
        "usage: Signals.Telegram.Emulator.Server --listen IP:PORT [--admin 127.0.0.1:PORT] [--public-key-out FILE] " +
        "[--private-key FILE] [--demo] [--ready-file FILE]   (port 0 = any free port; --help for details)";

    public static RootCommand BuildRoot(out Func<ParseResult, StandaloneOptions> bind)
    {
        var listen = new Option<IPEndPoint?>("--listen")
        {
            Description = "Where MTProto clients connect, IP:PORT (port 0 picks a free port).",
            HelpName = "ip:port",
            Required = true,
            CustomParser = r => ParseEndPoint(r, "--listen", loopbackOnly: false),
        };
        var admin = new Option<IPEndPoint?>("--admin")
        {
            Description = "Serve the admin HTTP API on this loopback IP:PORT (port 0 picks a free port). It has no authentication.",
            HelpName = "127.0.0.1:port",
            CustomParser = r => ParseEndPoint(r, "--admin", loopbackOnly: true),
        };
        var publicKeyOut = new Option<string?>("--public-key-out")
        {
            Description = "Write the server's RSA public key here as PEM, for clients to trust.",
            HelpName = "file",
        };
        var privateKey = new Option<string?>("--private-key")
        {
            Description = "Serve with this PEM RSA private key (a fresh key each start otherwise).",
            HelpName = "file",
            Validators =
            {
                r =>
                {
                    if (r.GetValueOrDefault<string?>() is { } path && !File.Exists(path))
                    {
                        r.AddError($"--private-key: no file at {path}");
                    }
                },
            },
        };
        var demo = new Option<bool>("--demo")
        {
            Description = "Seed the demo channels and accounts and run the demo feed of token calls.",
        };
        var readyFile = new Option<string?>("--ready-file")
        {
            Description = "Once listening, write {\"mtproto\", \"admin\", \"fingerprint\"} as JSON here (written whole, via a rename).",
            HelpName = "file",
        };

        var root = new RootCommand("The Signals Telegram emulator: an in-memory Telegram served over MTProto 2.0, with a loopback admin HTTP API.")
        {
            listen, admin, publicKeyOut, privateKey, demo, readyFile,
        };
        bind = parse => new StandaloneOptions
        {
            Listen = parse.GetValue(listen)!,
            Admin = parse.GetValue(admin),
            PublicKeyOut = parse.GetValue(publicKeyOut),
            PrivateKeyFile = parse.GetValue(privateKey),
            Demo = parse.GetValue(demo),
            ReadyFile = parse.GetValue(readyFile),
        };
        return root;
    }

    private static IPEndPoint? ParseEndPoint(ArgumentResult result, string name, bool loopbackOnly)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value.Trim() : "";
        if (text.StartsWith("localhost:", StringComparison.OrdinalIgnoreCase))
        {
            text = "127.0.0.1" + text["localhost".Length..];
        }

        // Demand the port explicitly: IPEndPoint would read a bare address as port 0, which hides a typo.
        var hasPort = text.LastIndexOf(':') > text.LastIndexOf(']') && !text.EndsWith(':');
        if (!hasPort || !IPEndPoint.TryParse(text, out var endPoint))
        {
            result.AddError($"{name} wants IP:PORT, e.g. 127.0.0.1:0 or [::1]:8443; got \"{text}\"");
            return null;
        }

        if (loopbackOnly && !IPAddress.IsLoopback(endPoint.Address))
        {
            result.AddError($"{name} must be a loopback address (127.0.0.1 or [::1]): the admin API has no authentication; got {endPoint.Address}");
            return null;
        }

        return endPoint;
    }
}
