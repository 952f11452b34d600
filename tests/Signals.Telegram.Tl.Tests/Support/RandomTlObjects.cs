using System.Collections;
using System.Globalization;
using System.Text;
using Signals.Telegram.TlGen.CSharp;
using Signals.Telegram.TlGen.Schema;

namespace Signals.Telegram.Tl.Tests.Support;

// Inside the namespace: generated TL types (JsonObject, JsonArray) in the parent namespace would shadow these.
using System.Text.Json.Nodes;

/// <summary>
/// Builds generated objects with seeded random field values, driven by the schema (not by the generated code),
/// and describes the same values in the oracle's JSON so GramJS can build its twin.
/// </summary>
internal sealed class RandomTlObjects
{
    private const int MaxDepth = 4;
    private static readonly string[] TextPieces = ["a", "Z", "0", " ", "é", "ß", "€", "Ж", "中", "🚀", "$SOL", "\n"];

    private readonly CSharpModel _model;
    private readonly Random _random;

    public RandomTlObjects(CSharpModel model, int seed)
    {
        _model = model;
        _random = new Random(seed);
    }

    public Type ClassOf(TlCombinator combinator) =>
        typeof(TlObject).Assembly.GetType(_model.FullClassName(combinator), throwOnError: true)!;

    public BuiltObject Build(TlCombinator combinator, int depth = 0)
    {
        var type = ClassOf(combinator);
        var value = (TlObject)Activator.CreateInstance(type)!;
        var args = new JsonObject();

        // Fields sharing one flag bit are present or absent together, as any writer must send them.
        var presentBits = new Dictionary<(string, int), bool>();
        foreach (var parameter in combinator.Parameters.Where(p => !p.IsFlagsField))
        {
            var property = type.GetProperty(_model.PropertyName(combinator, parameter))
                ?? throw new InvalidOperationException($"{type.Name} has no property for {parameter.Name}.");
            if (parameter.IsConditional)
            {
                var key = (parameter.FlagField!, parameter.FlagBit);
                if (!presentBits.TryGetValue(key, out var present))
                {
                    present = (parameter.IsTrueFlag || depth < MaxDepth) && _random.Next(2) == 0;
                    presentBits[key] = present;
                }

                if (parameter.IsTrueFlag)
                {
                    property.SetValue(value, present);
                    args[parameter.Name] = present;
                    continue;
                }

                if (!present)
                {
                    args[parameter.Name] = null;
                    continue;
                }
            }

            var binary = TypeMapper.IsBinaryString(combinator, parameter);
            var (fieldValue, description) = BuildValue(combinator.SchemaName, parameter.Type, binary, Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType, depth, IsPeerId(parameter.Name));
            property.SetValue(value, fieldValue);
            args[parameter.Name] = description;
        }

        return new BuiltObject(combinator, value, new JsonObject { ["id"] = combinator.Id!.Value, ["args"] = args });
    }

    /// <summary>
    /// GramJS's Message constructor rewrites negative chat/channel ids inside peers (Utils.getPeerId reads them
    /// as "marked" ids and stores them back unmarked). Telegram's ids are positive, so these stay positive.
    /// </summary>
    private static bool IsPeerId(string name) => name is "chat_id" or "channel_id";

    private (object Value, JsonNode? Description) BuildValue(string schema, TlTypeReference type, bool binary, Type clrType, int depth, bool positive = false)
    {
        if (type.IsVector)
        {
            var list = (IList)Activator.CreateInstance(clrType)!;
            var elementType = clrType.GetGenericArguments()[0];
            var array = new JsonArray();
            var count = depth >= MaxDepth ? 0 : _random.Next(3);
            for (var i = 0; i < count; i++)
            {
                var (element, description) = BuildValue(schema, type.Element!, binary, elementType, depth + 1, positive);
                list.Add(element);
                array.Add(description);
            }

            return (list, array);
        }

        if (type.IsGenericQuery)
        {
            var getConfig = _model.Schema.ByName[("api", "help.getConfig")];
            var built = Build(getConfig, depth + 1);
            return (built.Value, new JsonObject { ["obj"] = built.Description });
        }

        switch (type.Name)
        {
            case "int":
                var i32 = _random.Next(int.MinValue, int.MaxValue);
                return (i32, i32);
            case "long":
                var i64 = _random.NextInt64(positive ? 0 : long.MinValue, long.MaxValue);
                return (i64, new JsonObject { ["long"] = i64.ToString(CultureInfo.InvariantCulture) });
            case "double":
                var d = Math.Round((_random.NextDouble() - 0.5) * 1e6, 3);
                return (d, d);
            case "Bool":
                var b = _random.Next(2) == 0;
                return (b, b);
            case "int128":
                var n128 = RandomBytes(16);
                return (n128, new JsonObject { ["int128"] = Hex.Of(n128) });
            case "int256":
                var n256 = RandomBytes(32);
                return (n256, new JsonObject { ["int256"] = Hex.Of(n256) });
            case "bytes":
                var bytes = RandomBytes(RandomLength());
                return (bytes, new JsonObject { ["bytes"] = Hex.Of(bytes) });
            case "string" when binary:
                var blob = RandomBytes(RandomLength());
                return (blob, new JsonObject { ["bytes"] = Hex.Of(blob) });
            case "string":
                var text = RandomText();
                return (text, text);
        }

        var constructor = type.IsBare
            ? _model.Schema.ByName[(schema, type.Name)]
            : PickConstructor(schema, type.Name, depth);
        var nested = Build(constructor, depth + 1);
        return (nested.Value, new JsonObject { ["obj"] = nested.Description });
    }

    private TlCombinator PickConstructor(string schema, string typeName, int depth)
    {
        var constructors = _model.Schema.ConstructorsOf(schema, typeName);
        if (depth < MaxDepth)
        {
            return constructors[_random.Next(constructors.Count)];
        }

        // Deep down, take the constructor with the fewest required objects so the tree ends.
        return constructors.MinBy(c => c.Parameters.Count(p => !p.IsConditional && !p.IsFlagsField && !TlPrimitives.IsPrimitive(p.Type.Name)))!;
    }

    private int RandomLength() => _random.Next(4) switch
    {
        0 => _random.Next(4),
        1 => _random.Next(250, 260), // around the 254-byte switch to the long length form
        _ => _random.Next(40),
    };

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }

    private string RandomText()
    {
        var builder = new StringBuilder();
        var target = RandomLength();
        while (Encoding.UTF8.GetByteCount(builder.ToString()) < target)
        {
            builder.Append(TextPieces[_random.Next(TextPieces.Length)]);
        }

        return builder.ToString();
    }
}
