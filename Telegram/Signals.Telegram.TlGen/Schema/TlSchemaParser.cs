using System.Globalization;
using System.Text.RegularExpressions;

namespace Signals.Telegram.TlGen.Schema;

/// <summary>Parses TL schema text (one combinator per line, <c>---functions---</c>/<c>---types---</c> sections).</summary>
public static partial class TlSchemaParser
{
    public static IReadOnlyList<TlCombinator> Parse(string text, string schemaName)
    {
        var result = new List<TlCombinator>();
        var isFunction = false;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || line.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            if (line == "---functions---")
            {
                isFunction = true;
                continue;
            }

            if (line == "---types---")
            {
                isFunction = false;
                continue;
            }

            result.Add(ParseLine(line, isFunction, schemaName));
        }

        return result;
    }

    public static TlCombinator ParseLine(string line, bool isFunction, string schemaName)
    {
        var match = LineRegex().Match(line);
        if (!match.Success)
        {
            throw new FormatException($"Not a TL combinator: {line}");
        }

        var name = match.Groups["name"].Value;
        uint? id = match.Groups["id"].Success
            ? uint.Parse(match.Groups["id"].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)
            : null;
        var parameters = new List<TlParameter>();
        foreach (var token in match.Groups["params"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (token.StartsWith('{'))
            {
                continue; // {X:Type}: a type variable, used only through !X
            }

            if (token is "#" or "[" or "]" or "t")
            {
                continue; // only in vector#1cb5c415 {t:Type} # [ t ] = Vector t; which is built in
            }

            var colon = token.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                throw new FormatException($"Parameter without a type '{token}' in: {line}");
            }

            var typeText = token[(colon + 1)..];
            var flag = FlagRegex().Match(typeText);
            parameters.Add(flag.Success
                ? new TlParameter(token[..colon], TlTypeReference.Parse(flag.Groups["type"].Value), flag.Groups["field"].Value, int.Parse(flag.Groups["bit"].Value, CultureInfo.InvariantCulture))
                : new TlParameter(token[..colon], TlTypeReference.Parse(typeText), null, -1));
        }

        return new TlCombinator(name, id, parameters, TlTypeReference.Parse(match.Groups["result"].Value.Trim()), isFunction, schemaName, line);
    }

    [GeneratedRegex(@"^(?<name>[\w.]+)(#(?<id>[0-9a-fA-F]{1,8}))?(?<params>.*?)=\s*(?<result>[^;]+);$")]
    private static partial Regex LineRegex();

    [GeneratedRegex(@"^(?<field>\w+)\.(?<bit>\d+)\?(?<type>.+)$")]
    private static partial Regex FlagRegex();
}
