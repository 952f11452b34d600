using System.Text.Json;
using Signals.Client.Infrastructure;
using Signals.Client.Tests.Support;

namespace Signals.Client.Tests;

/// <summary><c>signals parse</c> runs the detector on standard input without any cluster.</summary>
public sealed class ParseCommandTests
{
    // Addresses valid by construction: a Solana mint that decodes to 32 bytes, and the EIP-55 test vector
    // 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed from eips.ethereum.org/EIPS/eip-55.
    private const string Mint = "7GCihgDB8fe6KNjn2MYtkzZcRjQy3t9GHdC8uHYmW2hr";
    private const string Checksummed = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";

    [Fact]
    public async Task Jsonl_reports_malformed_lines_by_number_processes_the_rest_and_exits_4()
    {
        var stdin = string.Join('\n',
            $$"""{"id":1,"text":"aping {{Mint}} now"}""",
            "this is not json",
            """{"id":"x","text":"gm, nothing here"}""",
            """{"text":"no id"}""",
            $$"""{"id":5,"text":"eth {{Checksummed.ToLowerInvariant()}}","links":["https://dexscreener.com/base/{{Checksummed}}"]}""");
        var io = new TestConsoleIO(stdin);

        var run = await CliRun.RunAsync(io, "parse", "--jsonl");

        Assert.Equal(ExitCodes.Skipped, run.ExitCode);
        var lines = run.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal(1, first.RootElement.GetProperty("id").GetInt32());
        Assert.Equal(Mint, first.RootElement.GetProperty("tokens")[0].GetProperty("address").GetString());
        Assert.Equal("solana", first.RootElement.GetProperty("tokens")[0].GetProperty("chain").GetString());
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal("x", second.RootElement.GetProperty("id").GetString());
        Assert.Equal(0, second.RootElement.GetProperty("tokens").GetArrayLength());
        using var third = JsonDocument.Parse(lines[2]);
        Assert.Equal(5, third.RootElement.GetProperty("id").GetInt32());
        Assert.Contains("line 2", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("line 4", run.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("line 1:", run.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("line 3", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Jsonl_with_only_valid_lines_exits_zero_and_keeps_input_order()
    {
        var io = new TestConsoleIO($$"""
            {"id":2,"text":"{{Mint}}"}
            {"id":1,"text":"nothing"}
            """);

        var run = await CliRun.RunAsync(io, "parse", "--jsonl");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var ids = run.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetInt32());
        Assert.Equal([2, 1], ids);
        Assert.Empty(run.StdErr);
    }

    [Fact]
    public async Task Whole_input_is_one_post_and_json_lists_tokens_in_order_of_appearance()
    {
        var io = new TestConsoleIO($"first {Checksummed}\nthen $CAT {Mint}\nagain {Checksummed}");

        var run = await CliRun.RunAsync(io, "parse", "--json");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        using var doc = JsonDocument.Parse(run.StdOut);
        var tokens = doc.RootElement.GetProperty("tokens").EnumerateArray().ToList();
        Assert.Equal(2, tokens.Count);
        Assert.Equal(Checksummed, tokens[0].GetProperty("address").GetString());
        Assert.Equal("evm", tokens[0].GetProperty("chain").GetString());
        Assert.Equal(Mint, tokens[1].GetProperty("address").GetString());
        Assert.True(tokens[0].TryGetProperty("ticker", out _), "ticker is always present, null when unknown");
    }

    [Fact]
    public async Task Table_output_shows_each_detected_address()
    {
        var io = new TestConsoleIO($"CA: {Mint}");

        var run = await CliRun.RunAsync(io, "parse");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains(Mint, run.StdOut, StringComparison.Ordinal);
        Assert.Contains("solana", run.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Link_option_supplies_hidden_links_that_set_the_chain()
    {
        var io = new TestConsoleIO($"buy {Checksummed}");

        var run = await CliRun.RunAsync(io, "parse", "--json", "--link", $"https://dexscreener.com/base/{Checksummed}");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        using var doc = JsonDocument.Parse(run.StdOut);
        Assert.Equal("base", doc.RootElement.GetProperty("tokens")[0].GetProperty("chain").GetString());
    }

    [Fact]
    public async Task Dev_corpus_passes_completely_through_parse_jsonl()
    {
        var lines = (await File.ReadAllLinesAsync(DevCorpus.Locate())).Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        var io = new TestConsoleIO(string.Join('\n', lines));

        var run = await CliRun.RunAsync(io, "parse", "--jsonl");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var outputs = run.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(lines.Count, outputs.Length);
        foreach (var (input, output) in lines.Zip(outputs))
        {
            using var post = JsonDocument.Parse(input);
            using var result = JsonDocument.Parse(output);
            var id = post.RootElement.GetProperty("id").GetRawText();
            Assert.Equal(id, result.RootElement.GetProperty("id").GetRawText());
            Assert.True(
                Tokens(post.RootElement.GetProperty("expect")).SequenceEqual(Tokens(result.RootElement.GetProperty("tokens"))),
                $"post {id}: expected [{string.Join(", ", Tokens(post.RootElement.GetProperty("expect")))}], got [{string.Join(", ", Tokens(result.RootElement.GetProperty("tokens")))}]");
        }
    }

    private static IEnumerable<string> Tokens(JsonElement array) =>
        array.EnumerateArray().Select(t => $"{t.GetProperty("chain").GetString()}:{t.GetProperty("address").GetString()}").ToList();
}
