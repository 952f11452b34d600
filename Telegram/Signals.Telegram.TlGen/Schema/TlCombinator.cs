namespace Signals.Telegram.TlGen.Schema;

/// <summary>A constructor or function line of a TL schema.</summary>
public sealed record TlCombinator(
    string Name,
    uint? Id,
    IReadOnlyList<TlParameter> Parameters,
    TlTypeReference Result,
    bool IsFunction,
    string SchemaName,
    string Line)
{
    /// <summary>The TL namespace (<c>messages</c> of <c>messages.getHistory</c>), or null at top level.</summary>
    public string? Namespace => Name.Contains('.', StringComparison.Ordinal) ? Name[..Name.IndexOf('.', StringComparison.Ordinal)] : null;

    /// <summary>The function's result is its <c>!X</c> argument's result (invokeWithLayer, initConnection).</summary>
    public bool HasGenericResult => Parameters.Any(p => p.Type.IsGenericQuery && p.Type.Name == Result.Name);
}
