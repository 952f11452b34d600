using System.Text.Json;

namespace Signals.Detection.Tests.Parsing;

public sealed class PostParserTests
{
    private const string Mint = "HFixMPR3xWCXsBohjCXsZpLth5npQkuUHcq76f48p1KD";

    private static async Task<(int Skipped, string[] Output, string[] Errors)> RunAsync(string input)
    {
        using var reader = new StringReader(input);
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var skipped = await PostParser.RunJsonLinesAsync(reader, output, errors, TokenDetector.Default, CancellationToken.None);
        return (skipped, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries),
            errors.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Each_line_gives_its_id_and_tokens_in_input_order()
    {
        var (skipped, output, errors) = await RunAsync(
            $"{{\"id\":\"a\",\"text\":\"CA: {Mint}\"}}\n{{\"id\":7,\"text\":\"nothing\"}}\n");
        Assert.Equal(0, skipped);
        Assert.Empty(errors);
        Assert.Equal(
            [$"{{\"id\":\"a\",\"tokens\":[{{\"chain\":\"solana\",\"address\":\"{Mint}\"}}]}}", "{\"id\":7,\"tokens\":[]}"],
            output);
    }

    [Fact]
    public async Task The_id_is_echoed_as_the_same_json_value()
    {
        var (_, output, _) = await RunAsync("{\"id\":{\"chat\":-100123,\"msg\":[1,2]},\"text\":\"x\"}\n{\"id\":\"пост-1\",\"text\":\"x\"}");
        using var first = JsonDocument.Parse(output[0]);
        Assert.Equal(-100123, first.RootElement.GetProperty("id").GetProperty("chat").GetInt64());
        Assert.Equal("пост-1", JsonDocument.Parse(output[1]).RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Hidden_links_are_read_from_the_links_field()
    {
        var (_, output, _) = await RunAsync($"{{\"id\":1,\"text\":\"chart\",\"links\":[\"https://dexscreener.com/solana/{Mint}\"]}}");
        Assert.Contains(Mint, Assert.Single(output));
    }

    [Fact]
    public async Task Malformed_lines_are_reported_with_their_number_and_skipped_while_the_rest_is_processed()
    {
        var input = string.Join('\n',
            $"{{\"id\":1,\"text\":\"{Mint}\"}}",
            "{not json",
            "[1,2]",
            "{\"text\":\"no id\"}",
            "{\"id\":5,\"text\":42}",
            "{\"id\":6,\"text\":\"x\",\"links\":\"https://a\"}",
            "{\"id\":7,\"text\":\"x\",\"links\":[1]}",
            "",
            $"{{\"id\":9,\"text\":\"{Mint}\"}}");
        var (skipped, output, errors) = await RunAsync(input);

        Assert.Equal(6, skipped);
        Assert.Equal(2, output.Length);
        Assert.Equal(["line 2", "line 3", "line 4", "line 5", "line 6", "line 7"], errors.Select(e => e[..e.IndexOf(':')]));
        Assert.Contains("\"id\":9", output[1]);
    }

    [Fact]
    public async Task Cancellation_stops_the_run()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            PostParser.RunJsonLinesAsync(new StringReader("{\"id\":1,\"text\":\"x\"}"), TextWriter.Null, TextWriter.Null, TokenDetector.Default, cts.Token));
    }
}
