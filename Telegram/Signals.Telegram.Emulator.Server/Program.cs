using System.Net;
using Signals.Telegram.Crypto;
using Signals.Telegram.Emulator.Server;
using Signals.Telegram.Emulator.World;

// Console entry: `--listen 127.0.0.1:PORT --public-key-out FILE [--private-key FILE]`. Writes the public key PEM for
// clients, prints the fingerprint (as GramJS's key table wants it: the signed TL long in decimal), serves until Ctrl+C.
var arguments = ServerArguments.Parse(args);
if (arguments is null)
{
    await Console.Error.WriteLineAsync("usage: Signals.Telegram.Emulator.Server --listen 127.0.0.1:PORT [--public-key-out FILE] [--private-key FILE]");
    return 2;
}

var rsaKey = arguments.PrivateKeyFile is { } keyFile ? RsaPrivateKey.FromPem(await File.ReadAllTextAsync(keyFile)) : RsaPrivateKey.Generate();
var world = new TelegramWorld();
await using var server = new MtprotoServer(world, rsaKey);
server.Start(arguments.Listen);
if (arguments.PublicKeyOut is { } publicKeyOut)
{
    await File.WriteAllTextAsync(publicKeyOut, server.PublicKey.ToPem());
}

Console.WriteLine($"listening {server.LocalEndPoint}");
Console.WriteLine($"fingerprint {server.PublicKey.Fingerprint}");
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
    // Ctrl+C.
}

return 0;
