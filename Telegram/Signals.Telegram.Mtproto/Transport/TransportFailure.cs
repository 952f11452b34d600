namespace Signals.Telegram.Mtproto.Transport;

/// <summary>Why a byte stream stopped being a valid MTProto transport. All of them are fatal for the connection.</summary>
public enum TransportFailure
{
    /// <summary>A length field is negative where the framing allows no such thing.</summary>
    NegativeLength,

    /// <summary>A length larger than the codec's configured maximum (rejected before waiting for the bytes).</summary>
    FrameTooLarge,

    /// <summary>A length too small to hold anything (zero payload, or a full frame under 12 bytes).</summary>
    FrameTooSmall,

    /// <summary>A length that is not a whole number of 4-byte words.</summary>
    LengthNotAligned,

    /// <summary>A full-transport frame whose CRC32 does not match.</summary>
    BadChecksum,

    /// <summary>A full-transport frame whose sequence number is not the next expected one.</summary>
    SequenceMismatch,

    /// <summary>The connection opened with something that is not a supported transport (padded intermediate, HTTP, obfuscated).</summary>
    UnsupportedTransport,
}
