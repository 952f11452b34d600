namespace Signals.Telegram.TlGen.Schema;

/// <summary>Types the reader and writer handle directly rather than as generated classes.</summary>
public static class TlPrimitives
{
    private static readonly HashSet<string> Names =
        ["int", "long", "double", "string", "bytes", "int128", "int256", "Bool", "true", "#", "Object", "Type"];

    /// <summary>Schema lines for these are documentation: Bool/true/Vector are built into the reader and writer.</summary>
    private static readonly HashSet<string> BuiltInCombinators = ["boolFalse", "boolTrue", "true", "vector"];

    public static bool IsPrimitive(string typeName) => Names.Contains(typeName);

    public static bool IsBuiltInCombinator(string name) => BuiltInCombinators.Contains(name);
}
