using System.Diagnostics;
using System.Runtime.Intrinsics.X86;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Signals.Detection.Tests.Support;
using Signals.Testing.Processes;

namespace Signals.Detection.Tests.Differential;

/// <summary>
/// The detector picks its code by what the CPU offers: AVX-512 VBMI tables, AVX-512 masks, 256-bit or 128-bit
/// vectors, scalars. This machine runs the first; the others run in the built <c>signals parse</c>, started with
/// instruction sets switched off (the runtime's <c>DOTNET_Enable…</c> settings), and must print exactly what this
/// process computes. That the setting took hold is read from the child's own machine code for the block search
/// (<c>DOTNET_JitDisasm</c>): a setting the runtime ignored would otherwise make the test pass without testing.
/// </summary>
public sealed class InstructionSetTests
{
    private const string Address = "EyRd6BnQRXJX1JATX9gbeDP37cRSGTWwBv5joWqSDWS2";

    // An integer vector instruction of the kinds the block search uses (not the frame's clearing, which any code has).
    private const string VectorInstruction = "\\bv?p(cmp|and|or|max|min|movmsk|movusw|perm|test)\\w*";

    // Each setting, and what its code for the block search may then not hold (.NET 10 names: AVX512v2 is VBMI and its
    // peers, AVX512 the whole family; without AVX2 the prologue may still clear the frame with a 256-bit store, but no
    // integer instruction works on 256 bits).
    private static readonly (string Setting, string Absent)[] Switches =
    [
        ("DOTNET_EnableAVX512v2=0", "vperm[it]2b"),
        ("DOTNET_EnableAVX512=0", "zmm|k[1-7]\\b"),
        ("DOTNET_EnableAVX2=0", "\\bvp\\w+ +ymm"),
        ("DOTNET_EnableHWIntrinsic=0", VectorInstruction),
    ];

    public static TheoryData<string, string> Settings
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var (setting, absent) in Switches)
            {
                data.Add(setting, absent);
            }

            return data;
        }
    }

    public static TheoryData<string> SettingNames => new(Switches.Select(s => s.Setting));

    [Fact]
    public async Task Without_a_setting_the_code_holds_what_the_settings_take_away()
    {
        // The control for the check below: on this machine's instruction sets the marks are there to be removed.
        var disassembly = Path.Combine(Path.GetTempPath(), $"signals-isa-{Guid.NewGuid():N}.asm");
        var (exitCode, _, errors) = await ParseInCliAsync(Inputs(), setting: null, disassembly);

        Assert.True(exitCode == 0, $"signals parse exited {exitCode}: {errors}");
        var code = await File.ReadAllTextAsync(disassembly);
        File.Delete(disassembly);
        var present = new (bool Supported, string Mark)[]
        {
            (Avx512Vbmi.IsSupported, "vperm[it]2b"),
            (Avx512F.IsSupported, "zmm|k[1-7]\\b"),
            (Avx2.IsSupported, "\\bvp\\w+ +ymm"),
            (Sse2.IsSupported, VectorInstruction),
        };
        foreach (var (supported, mark) in present.Where(p => p.Supported))
        {
            Assert.True(Regex.IsMatch(code, mark), $"/{mark}/ not in the default code:\n{code}");
        }
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public async Task Every_code_path_reports_what_this_one_does(string setting, string absentInstruction)
    {
        var input = Inputs();
        var expected = await ParseHereAsync(input);
        var disassembly = Path.Combine(Path.GetTempPath(), $"signals-isa-{Guid.NewGuid():N}.asm");

        var (exitCode, output, errors) = await ParseInCliAsync(input, setting, disassembly);

        Assert.True(exitCode == 0, $"signals parse exited {exitCode} with {setting}: {errors}");
        var code = await File.ReadAllTextAsync(disassembly);
        File.Delete(disassembly);
        Assert.Contains("LongRunFinder:NextFullBlock", code, StringComparison.Ordinal);
        Assert.False(Regex.IsMatch(code, absentInstruction), $"{setting} left /{absentInstruction}/ in\n{code}");
        var expectedLines = expected.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var actualLines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expectedLines.Length, actualLines.Length);
        for (var k = 0; k < expectedLines.Length; k++)
        {
            Assert.True(expectedLines[k] == actualLines[k], $"{setting}, line {k + 1}:\nhere {expectedLines[k]}\ncli  {actualLines[k]}");
        }
    }

    [Theory]
    [MemberData(nameof(SettingNames))]
    public async Task Every_code_path_labels_addresses_as_this_one_does(string setting)
    {
        // The batch output has no tickers, so the labels are compared on single posts: a cashtag in the first block,
        // one in the tail after a long run, and several on one post.
        var posts = new[]
        {
            "$WIF " + Address + " gm",
            new string('q', 300) + " " + new string('w', 7) + " " + Address + " $WIF",
            string.Join('\n', Enumerable.Range(0, 6).Select(k => $"$T{k} {TestEncoders.Base58(Enumerable.Range(0, 32).Select(b => (byte)(b + k + 1)).ToArray())}")),
        };
        foreach (var post in posts)
        {
            var here = TokenDetector.Default.Detect(post);
            Assert.All(here, t => Assert.NotNull(t.Ticker)); // every address here is labelled, so a lost label shows
            var expected = here.Select(t => $"{ChainNames.ToName(t.Chain)} {t.Address} {t.Ticker}");
            var (exitCode, output, errors) = await RunCliAsync(post, setting, disassembly: null, "parse", "--json");

            Assert.True(exitCode == 0, $"signals parse exited {exitCode} with {setting}: {errors}");
            using var json = JsonDocument.Parse(output);
            var actual = json.RootElement.GetProperty("tokens").EnumerateArray().Select(t =>
                $"{t.GetProperty("chain").GetString()} {t.GetProperty("address").GetString()} {(t.TryGetProperty("ticker", out var ticker) ? ticker.GetString() : null)}");
            Assert.Equal(expected, actual);
        }
    }

    /// <summary>The dev corpus, and posts that put addresses, links, cashtags and invisible characters at every
    /// place of a block, after long runs and in texts shorter than a block.</summary>
    private static string Inputs()
    {
        var lines = new List<string>(File.ReadAllLines(CorpusLocator.Locate()).Where(l => l.Length > 0));
        var random = new RandomText(17);
        for (var pad = 0; pad < 34; pad++)
        {
            foreach (var before in new[] { "", new string('q', 300) + " " })
            {
                var filler = before + new string('w', pad) + " ";
                lines.Add(Line(filler + Address[..(pad % 40 + 2)] + "\u200B" + Address[(pad % 40 + 2)..]));
                lines.Add(Line(filler + "https://pump.fun/coin/" + Address + " $WIF"));
                lines.Add(Line(filler + "$WIF 0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed é"));
                lines.Add(Line(random.Surround(Address) + new string('x', pad)));
            }
        }

        lines.Add(Line("gm"));
        lines.Add(Line("\u00AD"));
        lines.Add(Line(new string('7', 5_000) + " " + Address));
        return string.Join('\n', lines) + "\n";
    }

    private static string Line(string text) => JsonSerializer.Serialize(new { id = "case", text });

    private static async Task<string> ParseHereAsync(string input)
    {
        using var reader = new StringReader(input);
        using var writer = new StringWriter();
        using var errors = new StringWriter();
        await PostParser.RunJsonLinesAsync(reader, writer, errors, TokenDetector.Default, CancellationToken.None);
        Assert.Equal(string.Empty, errors.ToString());
        return writer.ToString();
    }

    private static Task<(int ExitCode, string Output, string Errors)> ParseInCliAsync(string input, string? setting, string disassembly) =>
        RunCliAsync(input, setting, disassembly, "parse", "--jsonl");

    private static async Task<(int ExitCode, string Output, string Errors)> RunCliAsync(string input, string? setting, string? disassembly, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(BuiltPrograms.CliDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_NOLOGO"] = "1";
        if (setting is not null)
        {
            info.Environment[setting.Split('=')[0]] = setting.Split('=')[1];
        }

        if (disassembly is not null)
        {
            // Fully optimised at once, so the block search's helpers are inlined into the one method whose code is read.
            info.Environment["DOTNET_TieredCompilation"] = "0";
            info.Environment["DOTNET_JitDisasm"] = "NextFullBlock";
            info.Environment["DOTNET_JitStdOutFile"] = disassembly;
        }

        using var process = Process.Start(info)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.StandardInput.WriteAsync(input.AsMemory(), timeout.Token);
        process.StandardInput.Close();
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }
}
