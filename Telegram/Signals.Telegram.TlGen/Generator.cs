using System.Globalization;
using System.Text.RegularExpressions;
using Signals.Telegram.TlGen.CSharp;
using Signals.Telegram.TlGen.Schema;

namespace Signals.Telegram.TlGen;

/// <summary>The two jobs of the tool, as functions of text so tests can run them without touching files.</summary>
public static partial class Generator
{
    public const string MtprotoFile = "mtproto.tl";
    public const string ApiFile = "api.tl";
    public const string RootsFile = "roots.txt";

    /// <summary>api.tl from GramJS's apiTl.js text, the layer in its AllTLObjects.js and our roots.txt.</summary>
    public static string BuildApiSchema(string gramJsApiModule, string gramJsAllObjectsModule, string roots)
    {
        var layerMatch = GramJsLayerRegex().Match(gramJsAllObjectsModule);
        if (!layerMatch.Success)
        {
            throw new FormatException("No LAYER in GramJS's AllTLObjects.js.");
        }

        var layer = int.Parse(layerMatch.Groups[1].Value, CultureInfo.InvariantCulture);
        return ApiSubset.Build(GramJsSchemaSource.ExtractSchemaText(gramJsApiModule), ApiSubset.ParseRoots(roots), layer);
    }

    /// <summary>The layer recorded in api.tl's first line.</summary>
    public static int LayerOf(string apiSchema)
    {
        var match = ApiLayerRegex().Match(apiSchema);
        return match.Success
            ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new FormatException("api.tl does not start with '// Layer N'.");
    }

    public static TlSchema LoadSchema(string mtprotoSchema, string apiSchema) =>
        new(TlSchemaParser.Parse(mtprotoSchema, "mtproto").Concat(TlSchemaParser.Parse(apiSchema, ApiSubset.SchemaName)));

    /// <summary>Generated file name → content.</summary>
    public static IReadOnlyDictionary<string, string> GenerateCode(string mtprotoSchema, string apiSchema)
    {
        var model = new CSharpModel(LoadSchema(mtprotoSchema, apiSchema));
        CheckUniqueIds(model);
        return new CodeEmitter(model, LayerOf(apiSchema)).Emit();
    }

    private static void CheckUniqueIds(CSharpModel model)
    {
        var duplicate = model.Generated.GroupBy(c => c.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Constructor id 0x{duplicate.Key:x8} is used by {string.Join(", ", duplicate.Select(c => c.Name))}.");
        }
    }

    [GeneratedRegex(@"LAYER\s*=\s*(\d+)")]
    private static partial Regex GramJsLayerRegex();

    [GeneratedRegex(@"^// Layer (\d+)")]
    private static partial Regex ApiLayerRegex();
}
