namespace Signals.Telegram.Mtproto.Transport;

/// <summary>The MTProto TCP framings (/mtproto/mtproto-transports) that Signals speaks.</summary>
public enum TransportKind
{
    /// <summary>0xef, then a 1-byte (or 0x7f + 3-byte) length in words before each payload.</summary>
    Abridged,

    /// <summary>0xeeeeeeee, then a 4-byte length before each payload.</summary>
    Intermediate,

    /// <summary>No prefix; length, sequence number, payload, CRC32. GramJS's default.</summary>
    Full,
}
