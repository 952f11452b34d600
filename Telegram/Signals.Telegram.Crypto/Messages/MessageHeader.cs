namespace Signals.Telegram.Crypto;

/// <summary>The fields in front of every encrypted message body: salt, session_id, msg_id, seq_no.</summary>
public readonly record struct MessageHeader(long Salt, long SessionId, long MessageId, int SeqNo);
