namespace Signals.Telegram.TlGen.Schema;

/// <summary>
/// GramJS ships its schema as a JavaScript module holding one template literal
/// (<c>module.exports = `...`;</c>); this takes the text between the backticks.
/// </summary>
public static class GramJsSchemaSource
{
    public static string ExtractSchemaText(string javaScript)
    {
        var start = javaScript.IndexOf('`', StringComparison.Ordinal);
        var end = javaScript.LastIndexOf('`');
        if (start < 0 || end <= start)
        {
            throw new FormatException("No template literal found in the GramJS schema module.");
        }

        return javaScript[(start + 1)..end];
    }
}
