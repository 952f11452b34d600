using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Signals.Client.Infrastructure;

/// <summary>The one JSON shape of the CLI: camelCase names, enums as camelCase strings, nulls kept so fields are always present.</summary>
public static class CliJson
{
    public static JsonSerializerOptions Document { get; } = Create(indented: true);

    /// <summary>One value per line (<c>signals tail</c>, <c>signals parse --jsonl</c>).</summary>
    public static JsonSerializerOptions Line { get; } = Create(indented: false);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            // Read by programs and terminals, never embedded in HTML: keep '+', emoji and non-Latin titles readable.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
