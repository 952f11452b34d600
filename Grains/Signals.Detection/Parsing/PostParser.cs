using System.Text.Encodings.Web;
using System.Text.Json;

namespace Signals.Detection;

/// <summary>The core of <c>signals parse</c>: posts in, tokens out, no cluster. The CLI only wires stdin/stdout.</summary>
public static class PostParser
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // The output is read by programs and people in a terminal, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// JSONL mode: each input line <c>{"id":…, "text":"…", "links":["…"]?}</c> gives one output line
    /// <c>{"id":&lt;same JSON value&gt;,"tokens":[{"chain":"…","address":"…"}]}</c>, in input order. Blank lines are
    /// ignored; a malformed line is reported to <paramref name="errors"/> as "line N: reason" and skipped.
    /// </summary>
    /// <returns>The number of skipped (malformed) lines.</returns>
    public static async Task<int> RunJsonLinesAsync(TextReader input, TextWriter output, TextWriter errors, TokenDetector detector, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(detector);

        var skipped = 0;
        var lineNumber = 0;
        while (await input.ReadLineAsync(ct) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var result = ParseLine(line, detector, out var reason);
            if (result is null)
            {
                skipped++;
                await errors.WriteLineAsync($"line {lineNumber}: {reason}".AsMemory(), ct);
                continue;
            }

            await output.WriteLineAsync(result.AsMemory(), ct);
        }

        await output.FlushAsync(ct);
        return skipped;
    }

    /// <summary>Detects the tokens of one JSONL post and renders the output line; null with a reason when malformed.</summary>
    public static string? ParseLine(string line, TokenDetector detector, out string reason)
    {
        ArgumentNullException.ThrowIfNull(detector);
        reason = string.Empty;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            reason = $"not valid JSON ({e.Message})";
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                reason = "expected a JSON object";
                return null;
            }

            if (!root.TryGetProperty("id", out var id) || id.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
            {
                reason = "missing \"id\"";
                return null;
            }

            if (!root.TryGetProperty("text", out var textElement) || textElement.ValueKind != JsonValueKind.String)
            {
                reason = "missing or non-string \"text\"";
                return null;
            }

            List<string>? links = null;
            if (root.TryGetProperty("links", out var linksElement) && linksElement.ValueKind != JsonValueKind.Null)
            {
                if (linksElement.ValueKind != JsonValueKind.Array)
                {
                    reason = "\"links\" must be an array of strings";
                    return null;
                }

                links = [];
                foreach (var link in linksElement.EnumerateArray())
                {
                    if (link.ValueKind != JsonValueKind.String)
                    {
                        reason = "\"links\" must be an array of strings";
                        return null;
                    }

                    links.Add(link.GetString()!);
                }
            }

            var tokens = detector.Detect(textElement.GetString()!, links);
            return Render(id, tokens);
        }
    }

    private static string Render(JsonElement id, IReadOnlyList<DetectedToken> tokens)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("id");
            id.WriteTo(writer);
            writer.WriteStartArray("tokens");
            foreach (var token in tokens)
            {
                writer.WriteStartObject();
                writer.WriteString("chain", ChainNames.ToName(token.Chain));
                writer.WriteString("address", token.Address);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
