namespace Signals.Telegram.Tl.Serialization;

/// <summary>
/// The bytes are not a valid TL value: truncated, oversized, an unknown constructor, nested too deep.
/// The only exception <see cref="TlReader"/> lets escape, so callers can treat any input as untrusted.
/// </summary>
public sealed class TlReadException : Exception
{
    public TlReadException(string message)
        : base(message)
    {
    }

    public TlReadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TlReadException()
    {
    }

    internal static TlReadException UnknownConstructor(uint constructorId, string expected) =>
        new($"Unknown constructor 0x{constructorId:x8} where {expected} was expected.");
}
