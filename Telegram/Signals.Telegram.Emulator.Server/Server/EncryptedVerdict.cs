namespace Signals.Telegram.Emulator.Server;

/// <summary>What a connection does after one encrypted message went through <see cref="ConnectionProtocol"/>.</summary>
internal enum EncryptedVerdict
{
    /// <summary>Send <see cref="EncryptedOutcome.Reply"/> (when there is one) and read on.</summary>
    Continue,

    /// <summary>The message failed decryption: send transport error -404 and close, as Telegram does.</summary>
    TransportErrorAndClose,

    /// <summary>Close without a word (a planned fault).</summary>
    Close,
}
