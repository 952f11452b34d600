using Signals.Telegram.TlGen.Schema;

namespace Signals.Telegram.TlGen.CSharp;

/// <summary>Maps TL field types to C# types and to the reader/writer calls that handle them.</summary>
public sealed class TypeMapper
{
    private readonly CSharpModel _model;
    private readonly string _schema;
    private readonly string _namespace;
    private readonly IReadOnlySet<string> _shadowing;

    public TypeMapper(CSharpModel model, string schema, string fromNamespace, IReadOnlySet<string> shadowing)
    {
        _model = model;
        _schema = schema;
        _namespace = fromNamespace;
        _shadowing = shadowing;
    }

    /// <summary>
    /// The service schema types binary blobs (pq, encrypted_answer, ...) as <c>string</c>; only
    /// rpc_error's message is text. API strings are UTF-8 text.
    /// </summary>
    public static bool IsBinaryString(TlCombinator owner, TlParameter? parameter) =>
        owner.SchemaName == "mtproto" && parameter?.Name != "error_message";

    public string CsType(TlTypeReference type, bool binaryString)
    {
        if (type.IsVector)
        {
            return $"List<{CsType(type.Element!, binaryString)}>";
        }

        if (type.IsGenericQuery)
        {
            return "TlFunction";
        }

        return type.Name switch
        {
            "int" => "int",
            "long" => "long",
            "double" => "double",
            "string" => binaryString ? "byte[]" : "string",
            "bytes" or "int128" or "int256" => "byte[]",
            "Bool" or "true" => "bool",
            _ => ClassReference(type),
        };
    }

    public bool IsValueType(TlTypeReference type) =>
        !type.IsVector && type.Name is "int" or "long" or "double" or "Bool" or "true";

    public string ReadExpression(TlTypeReference type, bool binaryString, string reader, int depth)
    {
        if (type.IsVector)
        {
            var inner = "r" + (depth + 1);
            var method = type.IsBoxedVector ? "ReadVector" : "ReadBareVector";
            return $"{reader}.{method}(static (ref TlReader {inner}) => {ReadExpression(type.Element!, binaryString, inner, depth + 1)}, {MinimumSize(type.Element!)})";
        }

        if (type.IsGenericQuery)
        {
            return $"TlRegistry.ReadFunction(ref {reader})";
        }

        return type.Name switch
        {
            "int" => $"{reader}.ReadInt32()",
            "long" => $"{reader}.ReadInt64()",
            "double" => $"{reader}.ReadDouble()",
            "string" => binaryString ? $"{reader}.ReadBytes()" : $"{reader}.ReadString()",
            "bytes" => $"{reader}.ReadBytes()",
            "int128" => $"{reader}.ReadInt128()",
            "int256" => $"{reader}.ReadInt256()",
            "Bool" => $"{reader}.ReadBool()",
            _ when type.IsBare => $"{ClassReference(type)}.ReadBody(ref {reader})",
            _ => $"{ClassReference(type)}.Read(ref {reader})",
        };
    }

    public string WriteStatement(TlTypeReference type, bool binaryString, string writer, string value, int depth)
    {
        if (type.IsVector)
        {
            var innerWriter = "w" + (depth + 1);
            var item = "x" + (depth + 1);
            var method = type.IsBoxedVector ? "WriteVector" : "WriteBareVector";
            return $"{writer}.{method}({value}, static ({innerWriter}, {item}) => {WriteStatement(type.Element!, binaryString, innerWriter, item, depth + 1)})";
        }

        if (type.IsGenericQuery)
        {
            return $"{value}.Write({writer})";
        }

        return type.Name switch
        {
            "int" => $"{writer}.WriteInt32({value})",
            "long" => $"{writer}.WriteInt64({value})",
            "double" => $"{writer}.WriteDouble({value})",
            "string" => binaryString ? $"{writer}.WriteBytes({value})" : $"{writer}.WriteString({value})",
            "bytes" => $"{writer}.WriteBytes({value})",
            "int128" => $"{writer}.WriteInt128({value})",
            "int256" => $"{writer}.WriteInt256({value})",
            "Bool" => $"{writer}.WriteBool({value})",
            _ when type.IsBare => $"{value}.WriteBody({writer})",
            _ => $"{value}.Write({writer})",
        };
    }

    /// <summary>The fewest bytes a value of this type occupies; bounds vector counts against the bytes left.</summary>
    public int MinimumSize(TlTypeReference type)
    {
        if (type.IsVector)
        {
            return type.IsBoxedVector ? 8 : 4;
        }

        return type.Name switch
        {
            "long" or "double" => 8,
            "int128" => 16,
            "int256" => 32,
            _ when type.IsBare => Math.Max(4, BareSize(type)),
            _ => 4,
        };
    }

    private int BareSize(TlTypeReference type) =>
        _model.Schema.ByName[(_schema, type.Name)].Parameters
            .Where(p => !p.IsConditional)
            .Sum(p => p.IsFlagsField ? 4 : MinimumSize(p.Type));

    private string ClassReference(TlTypeReference type)
    {
        var target = type.IsBare ? _model.BareClass(_schema, type.Name) : _model.TypeClass(_schema, type.Name);
        return _model.Reference(target, _namespace, _shadowing);
    }
}
