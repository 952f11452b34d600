namespace Signals.Telegram.TlGen.Schema;

/// <summary>The combinators of one or more schema files, indexed by name and by result type.</summary>
public sealed class TlSchema
{
    public TlSchema(IEnumerable<TlCombinator> combinators)
    {
        Combinators = combinators.ToList();
        ByName = Combinators.ToDictionary(c => (c.SchemaName, c.Name), c => c);
        ConstructorsByType = Combinators
            .Where(c => !c.IsFunction)
            .GroupBy(c => (c.SchemaName, c.Result.Name))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<TlCombinator>)g.ToList());
    }

    public IReadOnlyList<TlCombinator> Combinators { get; }

    public IReadOnlyDictionary<(string Schema, string Name), TlCombinator> ByName { get; }

    public IReadOnlyDictionary<(string Schema, string Type), IReadOnlyList<TlCombinator>> ConstructorsByType { get; }

    public IReadOnlyList<TlCombinator> ConstructorsOf(string schema, string typeName) =>
        ConstructorsByType.TryGetValue((schema, typeName), out var list) ? list : [];
}
