namespace Signals.Telegram.TlGen.Schema;

/// <summary>
/// One field of a combinator. <see cref="FlagField"/>/<see cref="FlagBit"/> are set for <c>flags.N?T</c>;
/// <see cref="IsFlagsField"/> for the <c>#</c> field that carries the bits.
/// </summary>
public sealed record TlParameter(string Name, TlTypeReference Type, string? FlagField, int FlagBit)
{
    public bool IsFlagsField => Type.Name == "#";

    public bool IsConditional => FlagField is not null;

    /// <summary><c>flags.N?true</c>: the bit is the whole value.</summary>
    public bool IsTrueFlag => IsConditional && Type.Name == "true";
}
