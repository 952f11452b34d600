namespace Signals.Telegram.Crypto;

/// <summary>What a successful decryption found: the header and where the body lies in the plaintext buffer.</summary>
public readonly record struct MessageEnvelope(MessageHeader Header, int BodyLength)
{
    /// <summary>The body starts after salt, session_id, msg_id, seq_no and message_data_length.</summary>
    public const int BodyOffset = 32;

    public Range BodyRange => new(BodyOffset, BodyOffset + BodyLength);
}
