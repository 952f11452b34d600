using Signals.Telegram.TlGen.Schema;

namespace Signals.Telegram.TlGen.CSharp;

/// <summary>
/// Decides the C# namespace and name of every generated class and property, and how one class refers to
/// another. Shared by the emitter and the tests (which find classes and properties by TL name through it).
/// </summary>
public sealed class CSharpModel
{
    public const string RootNamespace = "Signals.Telegram.Tl";

    /// <summary>
    /// Service-schema combinators handled by hand-written classes in Signals.Telegram.Tl/Service: their <c>Object</c> fields
    /// depend on the request or on a length the schema cannot express.
    /// </summary>
    public static readonly IReadOnlySet<string> HandWritten = new HashSet<string> { "rpc_result", "msg_container", "message", "gzip_packed" };

    /// <summary>
    /// Class names that would equal a C# namespace of the same parent (the top-level <c>updates</c>
    /// constructor against the <c>updates.*</c> namespace). C# forbids a type and a namespace with one name.
    /// </summary>
    private static readonly Dictionary<string, string> Renames = new() { ["updates"] = "UpdatesFull" };

    private static readonly HashSet<string> ReservedMembers =
        ["ConstructorId", "GetConstructorId", "Write", "WriteBody", "ReadBody", "Read", "ToBytes", "ReadResult", "ReadResultObject", "GetType", "Equals", "GetHashCode", "ToString"];

    private readonly Dictionary<TlCombinator, string> _classNames = [];
    private readonly Dictionary<(string Schema, string Type), (string Namespace, string Name)> _typeClasses = [];
    private readonly Dictionary<string, HashSet<string>> _namesByNamespace = [];

    public CSharpModel(TlSchema schema)
    {
        Schema = schema;
        Generated = schema.Combinators
            .Where(c => c.Id is not null && !TlPrimitives.IsBuiltInCombinator(c.Name) && !(c.SchemaName == "mtproto" && HandWritten.Contains(c.Name)))
            .ToList();

        foreach (var combinator in Generated)
        {
            var ns = NamespaceOf(combinator.SchemaName, combinator.Namespace);
            var name = Renames.TryGetValue(combinator.Name, out var renamed) ? renamed : CSharpNames.Pascal(LastSegment(combinator.Name));
            if (!Names(ns).Add(name))
            {
                throw new InvalidOperationException($"Two classes named {ns}.{name}.");
            }

            _classNames[combinator] = name;
        }

        foreach (var group in Generated.Where(c => !c.IsFunction).GroupBy(c => (c.SchemaName, c.Result.Name)))
        {
            var constructors = group.ToList();
            var ns = NamespaceOf(group.Key.SchemaName, NamespacePart(group.Key.Name));
            if (constructors.Count == 1)
            {
                // A type with one constructor is that constructor: no abstract base to cast through.
                _typeClasses[group.Key] = (ns, _classNames[constructors[0]]);
                continue;
            }

            var name = CSharpNames.Pascal(LastSegment(group.Key.Name));
            if (_namesByNamespace.ContainsKey(ns + "." + name) || !Names(ns).Add(name))
            {
                name += "Base";
                if (!Names(ns).Add(name))
                {
                    throw new InvalidOperationException($"Type class {ns}.{name} collides.");
                }
            }

            _typeClasses[group.Key] = (ns, name);
            AbstractTypes.Add(group.Key, constructors);
        }

        foreach (var ns in _namesByNamespace.Keys.ToList())
        {
            var parent = ns[..ns.LastIndexOf('.')];
            var child = ns[(ns.LastIndexOf('.') + 1)..];
            if (_namesByNamespace.TryGetValue(parent, out var siblings) && siblings.Contains(child))
            {
                throw new InvalidOperationException($"Class {parent}.{child} collides with namespace {ns}; add a rename.");
            }
        }
    }

    public TlSchema Schema { get; }

    /// <summary>Combinators that become generated classes.</summary>
    public IReadOnlyList<TlCombinator> Generated { get; }

    /// <summary>Types with more than one constructor: each gets an abstract base class.</summary>
    public Dictionary<(string Schema, string Type), List<TlCombinator>> AbstractTypes { get; } = [];

    public static string NamespaceOf(string schemaName, string? tlNamespace)
    {
        var root = schemaName == "mtproto" ? RootNamespace + ".Mtproto" : RootNamespace;
        return tlNamespace is null ? root : root + "." + CSharpNames.Pascal(tlNamespace);
    }

    public string ClassName(TlCombinator combinator) => _classNames[combinator];

    public string NamespaceOf(TlCombinator combinator) => NamespaceOf(combinator.SchemaName, combinator.Namespace);

    public string FullClassName(TlCombinator combinator) => NamespaceOf(combinator) + "." + ClassName(combinator);

    public (string Namespace, string Name) TypeClass(string schema, string typeName) =>
        _typeClasses.TryGetValue((schema, typeName), out var found)
            ? found
            : throw new InvalidOperationException($"No class for type {typeName} in {schema}.");

    public (string Namespace, string Name) BareClass(string schema, string constructorName)
    {
        var combinator = Schema.ByName[(schema, constructorName)];
        return (NamespaceOf(combinator), ClassName(combinator));
    }

    /// <summary>The C# property for a TL field; suffixed with Value where it would clash with the class or a base member.</summary>
    public string PropertyName(TlCombinator combinator, TlParameter parameter)
    {
        var name = CSharpNames.Pascal(parameter.Name);
        return name == ClassName(combinator) || ReservedMembers.Contains(name) ? name + "Value" : name;
    }

    /// <summary>
    /// How code in <paramref name="fromNamespace"/> names a class, as short as C# name lookup allows:
    /// bare within the namespace or from below, relative from above, global:: when something nearer shadows it.
    /// </summary>
    public string Reference((string Namespace, string Name) target, string fromNamespace, IReadOnlySet<string> shadowing)
    {
        var full = "global::" + target.Namespace + "." + target.Name;
        string candidate;
        if (target.Namespace == fromNamespace)
        {
            candidate = target.Name;
        }
        else if (fromNamespace.StartsWith(target.Namespace + ".", StringComparison.Ordinal))
        {
            // Inner namespaces are searched first: a class or namespace of that name nearer in would win.
            for (var ns = fromNamespace; ns != target.Namespace; ns = ns[..ns.LastIndexOf('.')])
            {
                if (Names(ns).Contains(target.Name) || _namesByNamespace.ContainsKey(ns + "." + target.Name))
                {
                    return full;
                }
            }

            candidate = target.Name;
        }
        else if (target.Namespace.StartsWith(fromNamespace + ".", StringComparison.Ordinal))
        {
            candidate = target.Namespace[(fromNamespace.Length + 1)..] + "." + target.Name;
        }
        else
        {
            return full;
        }

        var first = candidate.Split('.')[0];
        return shadowing.Contains(first) ? full : candidate;
    }

    private HashSet<string> Names(string ns)
    {
        if (!_namesByNamespace.TryGetValue(ns, out var set))
        {
            set = [];
            _namesByNamespace[ns] = set;
        }

        return set;
    }

    private static string LastSegment(string name) => name[(name.LastIndexOf('.') + 1)..];

    private static string? NamespacePart(string name) =>
        name.Contains('.', StringComparison.Ordinal) ? name[..name.IndexOf('.', StringComparison.Ordinal)] : null;
}
