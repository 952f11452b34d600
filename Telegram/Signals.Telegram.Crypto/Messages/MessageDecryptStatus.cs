namespace Signals.Telegram.Crypto;

/// <summary>Why an incoming encrypted message was refused. Anything but <see cref="Success"/> means: drop it.</summary>
public enum MessageDecryptStatus
{
    Success = 0,

    /// <summary>Shorter than auth_key_id + msg_key + the smallest possible encrypted part.</summary>
    TooShort,

    /// <summary>The encrypted part is not a whole number of AES blocks.</summary>
    NotBlockAligned,

    /// <summary>auth_key_id names another key.</summary>
    AuthKeyMismatch,

    /// <summary>msg_key does not match the decrypted content: tampered, wrong key or wrong direction.</summary>
    MessageKeyMismatch,

    /// <summary>message_data_length is negative, not a multiple of 4, or leaves padding outside 12..1024 bytes.</summary>
    InvalidLength,
}
