using System.Text;

namespace Signals.Telegram.TlGen.CSharp;

/// <summary>TL snake/camel names to C# names.</summary>
public static class CSharpNames
{
    private static readonly HashSet<string> Keywords =
    [
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    ];

    /// <summary><c>p_q_inner_data_dc</c> → <c>PQInnerDataDc</c>, <c>inputPeerEmpty</c> → <c>InputPeerEmpty</c>.</summary>
    public static string Pascal(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var part in name.Split('_', '.'))
        {
            if (part.Length == 0)
            {
                continue;
            }

            builder.Append(char.ToUpperInvariant(part[0])).Append(part, 1, part.Length - 1);
        }

        return builder.ToString();
    }

    /// <summary>A local variable name for a property: camelCase, escaped with @ when it is a keyword.</summary>
    public static string Local(string propertyName)
    {
        var camel = char.ToLowerInvariant(propertyName[0]) + propertyName[1..];
        return Keywords.Contains(camel) ? "@" + camel : camel;
    }
}
