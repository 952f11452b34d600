namespace Signals.Telegram.Crypto;

/// <summary>A decrypted message with its body copied out (the allocating convenience form).</summary>
public sealed record DecryptedMessage(MessageHeader Header, byte[] Body);
