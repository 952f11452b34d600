namespace Signals.Telegram.TlGen.Schema;

/// <summary>
/// Given wanted constructors, functions or types, the smallest set of combinators that can read and write them:
/// every constructor of every type reachable through a field or a result. A type is all of its constructors or
/// nothing, because a reader that meets a constructor it does not know cannot skip it.
/// </summary>
public static class SchemaClosure
{
    public static IReadOnlySet<TlCombinator> Compute(TlSchema schema, string schemaName, IEnumerable<string> roots)
    {
        var included = new HashSet<TlCombinator>();
        var seenTypes = new HashSet<string>();
        var pending = new Stack<TlCombinator>();

        void AddType(TlTypeReference reference)
        {
            var type = reference.Innermost;
            if (type.IsGenericQuery || TlPrimitives.IsPrimitive(type.Name) || !seenTypes.Add(type.Name))
            {
                return;
            }

            if (type.IsBare && schema.ByName.TryGetValue((schemaName, type.Name), out var bare))
            {
                pending.Push(bare);
                return;
            }

            var constructors = schema.ConstructorsOf(schemaName, type.Name);
            if (constructors.Count == 0)
            {
                throw new InvalidOperationException($"Type '{type.Name}' has no constructor in the schema.");
            }

            foreach (var constructor in constructors)
            {
                pending.Push(constructor);
            }
        }

        foreach (var root in roots)
        {
            if (schema.ByName.TryGetValue((schemaName, root), out var combinator))
            {
                pending.Push(combinator);
            }
            else if (schema.ConstructorsOf(schemaName, root).Count > 0)
            {
                AddType(new TlTypeReference(root));
            }
            else
            {
                throw new InvalidOperationException($"Root '{root}' is neither a combinator nor a type of the schema.");
            }
        }

        while (pending.TryPop(out var combinator))
        {
            if (!included.Add(combinator))
            {
                continue;
            }

            foreach (var parameter in combinator.Parameters)
            {
                AddType(parameter.Type);
            }

            if (combinator.IsFunction && !combinator.HasGenericResult)
            {
                AddType(combinator.Result);
            }
        }

        return included;
    }
}
