using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Signals.Client.Infrastructure;

/// <summary>
/// Writes a command's result either for people (Spectre tables, notes) or for machines (JSON on standard output).
/// In JSON mode notes go to standard error, so standard output is exactly one JSON document.
/// </summary>
public sealed class OutputFormatter(IConsoleIO io, bool json)
{
    public bool IsJson => json;

    public IConsoleIO IO => io;

    public void Json<T>(T value)
    {
        io.Out.WriteLine(JsonSerializer.Serialize(value, CliJson.Document));
    }

    public void JsonLine<T>(T value)
    {
        io.Out.WriteLine(JsonSerializer.Serialize(value, CliJson.Line));
        io.Out.Flush();
    }

    public void Render(IRenderable renderable) => io.Ansi.Write(renderable);

    /// <summary>A line for people: standard output in table mode, standard error in JSON mode.</summary>
    public void Note(string text)
    {
        if (json)
        {
            io.Error.WriteLine(text);
        }
        else
        {
            io.Ansi.MarkupLine(Markup.Escape(text));
        }
    }

    public static Table Table(params string[] headers)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(Markup.Escape(header)));
        }

        return table;
    }

    /// <summary>Adds a row of plain text (escaped: channel titles and errors may contain '[' and ']').</summary>
    public static void AddRow(Table table, params string?[] cells) =>
        table.AddRow(cells.Select(c => (IRenderable)new Text(c ?? "-")).ToArray());

    public static string Time(DateTimeOffset? at) => at?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture) ?? "-";
}
