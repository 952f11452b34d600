namespace Signals.Telegram.TlGen.Schema;

/// <summary>
/// A parameter or result type as written in the schema: a name (<c>int</c>, <c>Message</c>, <c>future_salt</c>),
/// a vector of an element type (<c>Vector&lt;T&gt;</c> boxed, <c>vector&lt;T&gt;</c> bare), or <c>!X</c>.
/// </summary>
public sealed record TlTypeReference(string Name, TlTypeReference? Element = null, bool IsGenericQuery = false)
{
    public bool IsVector => Element is not null;

    /// <summary><c>Vector&lt;T&gt;</c> carries the 0x1cb5c415 id; <c>vector&lt;T&gt;</c> does not.</summary>
    public bool IsBoxedVector => Element is not null && Name == "Vector";

    /// <summary>A bare reference names a constructor (lower-case after the namespace): no id on the wire.</summary>
    public bool IsBare
    {
        get
        {
            var last = Name[(Name.LastIndexOf('.') + 1)..];
            return Element is null && !IsGenericQuery && !TlPrimitives.IsPrimitive(Name) && char.IsLower(last[0]);
        }
    }

    public static TlTypeReference Parse(string text)
    {
        if (text.StartsWith('!'))
        {
            return new TlTypeReference(text[1..], IsGenericQuery: true);
        }

        if (text.StartsWith('%'))
        {
            // %T is the bare form of boxed type T; we only meet it in hand-written service types.
            return new TlTypeReference(text[1..]);
        }

        var open = text.IndexOf('<', StringComparison.Ordinal);
        if (open > 0 && text.EndsWith('>'))
        {
            return new TlTypeReference(text[..open], Parse(text[(open + 1)..^1]));
        }

        return new TlTypeReference(text);
    }

    /// <summary>The innermost non-vector type.</summary>
    public TlTypeReference Innermost => Element?.Innermost ?? this;

    public override string ToString() =>
        IsGenericQuery ? "!" + Name : Element is null ? Name : $"{Name}<{Element}>";
}
