using System.Net;
using Signals.Telegram.Client;

namespace Signals.Silo.Configuration;

/// <summary>
/// `Signals:Telegram:*`: where sessions connect and with which application identity. Checked at start like every other
/// setting; the api_hash is a secret, so no message ever repeats it.
/// </summary>
public sealed record TelegramSettings(
    TelegramMode Mode,
    int ApiId,
    string ApiHash,
    DnsEndPoint? EmulatorEndPoint,
    DnsEndPoint? EmulatorSecondDcEndPoint,
    string? EmulatorPublicKeyFile)
{
    /// <summary>The application identity the emulator accepts: it checks the shape, not the value.</summary>
    public const int EmulatorApiId = MtprotoConnectorOptions.EmulatorApiId;

    public const string EmulatorApiHash = MtprotoConnectorOptions.EmulatorApiHash;

    public static TelegramSettings Load(IConfiguration configuration, List<string> errors)
    {
        var modeText = configuration["Signals:Telegram:Mode"];
        var mode = TelegramMode.EmbeddedEmulator;
        if (modeText is not null && (!Enum.TryParse(modeText, ignoreCase: true, out mode) || int.TryParse(modeText, out _)))
        {
            errors.Add($"Signals:Telegram:Mode must be one of {string.Join(", ", Enum.GetNames<TelegramMode>())}; got '{modeText}'.");
            mode = TelegramMode.EmbeddedEmulator;
        }

        var usesTelegram = mode is TelegramMode.Telegram or TelegramMode.TelegramTest;
        var apiId = EmulatorApiId;
        var apiIdText = configuration["Signals:Telegram:ApiId"];
        if (!usesTelegram)
        {
            // The emulator takes any application identity; a placeholder left in the environment is not an error.
            apiId = EmulatorApiId;
        }
        else if (apiIdText is not null && (!int.TryParse(apiIdText, out apiId) || apiId <= 0))
        {
            errors.Add($"Signals:Telegram:ApiId must be a positive whole number (from my.telegram.org); got '{apiIdText}'.");
        }
        else if (apiIdText is null)
        {
            errors.Add($"Signals:Telegram:ApiId is required when Signals:Telegram:Mode is {mode} (from my.telegram.org).");
        }

        var apiHash = configuration["Signals:Telegram:ApiHash"];
        if (!usesTelegram)
        {
            apiHash = EmulatorApiHash;
        }
        else if (apiHash is null)
        {
            errors.Add($"Signals:Telegram:ApiHash is required when Signals:Telegram:Mode is {mode} (from my.telegram.org; set it from a secret, e.g. the environment variable Signals__Telegram__ApiHash).");
            apiHash = EmulatorApiHash;
        }
        else if (apiHash.Length != 32 || !apiHash.All(char.IsAsciiHexDigit))
        {
            // The value itself is a secret: say what is wrong with it, never what it is.
            errors.Add($"Signals:Telegram:ApiHash must be 32 hexadecimal characters (it has {apiHash.Length} characters; the value is not shown).");
        }

        DnsEndPoint? endPoint = null, secondDc = null;
        string? publicKeyFile = null;
        if (mode == TelegramMode.Emulator)
        {
            endPoint = EndPoint(configuration, "Signals:Telegram:Emulator:Endpoint", required: true, errors);
            secondDc = EndPoint(configuration, "Signals:Telegram:Emulator:Dc1Endpoint", required: false, errors);
            publicKeyFile = configuration["Signals:Telegram:Emulator:PublicKeyFile"];
            if (string.IsNullOrWhiteSpace(publicKeyFile))
            {
                errors.Add("Signals:Telegram:Emulator:PublicKeyFile is required when Signals:Telegram:Mode is Emulator (the PEM the emulator wrote with --public-key-out).");
            }
            else if (!File.Exists(publicKeyFile))
            {
                errors.Add($"Signals:Telegram:Emulator:PublicKeyFile names a file that does not exist: '{publicKeyFile}'.");
            }
        }

        return new TelegramSettings(mode, apiId, apiHash, endPoint, secondDc, publicKeyFile);
    }

    private static DnsEndPoint? EndPoint(IConfiguration configuration, string key, bool required, List<string> errors)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                errors.Add($"{key} is required when Signals:Telegram:Mode is Emulator (host:port of the emulator's MTProto listener).");
            }

            return null;
        }

        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text[(colon + 1)..], out var port) || port is < 1 or > 65535)
        {
            errors.Add($"{key} must be host:port; got '{text}'.");
            return null;
        }

        return new DnsEndPoint(text[..colon].Trim('[', ']'), port);
    }

    /// <summary>Never prints the api_hash (records print every property by default).</summary>
    public override string ToString() =>
        $"TelegramSettings {{ Mode = {Mode}, ApiId = {ApiId}, Emulator = {EmulatorEndPoint?.ToString() ?? "-"} }}";
}
