using Signals.Telegram.Tl.Tests.Support;
using Signals.Telegram.TlGen.Schema;
using Xunit;

namespace Signals.Telegram.Tl.Tests.Oracle;

/// <summary>Our bytes against GramJS's for every generated constructor and function.</summary>
public sealed class GramJsOracleTests
{
    private const int SamplesPerCombinator = 3;

    /// <summary>
    /// GramJS writes bare-typed fields wrongly (it drops the outer id instead of the inner one, and writes
    /// <c>vector&lt;future_salt&gt;</c> elements boxed), so it is no oracle for those few constructors.
    /// </summary>
    private static bool GramJsCanBuild(TlCombinator combinator) =>
        !combinator.Parameters.Any(p => p.Type.Innermost.IsBare);

    [Fact]
    public async Task Every_generated_combinator_serialises_exactly_as_GramJS_does()
    {
        var model = SchemaFixture.Model;
        var random = new RandomTlObjects(model, seed: 198);
        var combinators = model.Generated.Where(GramJsCanBuild).ToList();
        var built = combinators
            .SelectMany(c => Enumerable.Range(0, SamplesPerCombinator).Select(_ => random.Build(c)))
            .ToList();

        var oracle = await GramJsOracle.SerializeAsync(built.Select(b => b.Description).ToList());

        var failures = new List<string>();
        for (var i = 0; i < built.Count; i++)
        {
            var ours = Hex.Of(built[i].Value.ToBytes());
            var theirs = oracle[i];
            if (theirs.Hex != ours)
            {
                failures.Add($"{built[i].Combinator.Name}: {(theirs.Error ?? "GramJS " + theirs.Hex)} vs ours {ours}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {built.Count} differ:\n" + string.Join("\n", failures.Take(20)));
        Assert.True(combinators.Count > 700, $"only {combinators.Count} combinators were compared");
    }

    [Fact]
    public async Task GramJS_bytes_for_every_generated_combinator_read_back_to_the_same_object()
    {
        var model = SchemaFixture.Model;
        var random = new RandomTlObjects(model, seed: 2026);
        var built = model.Generated.Where(GramJsCanBuild).Select(c => random.Build(c)).ToList();

        var oracle = await GramJsOracle.SerializeAsync(built.Select(b => b.Description).ToList());

        var failures = new List<string>();
        for (var i = 0; i < built.Count; i++)
        {
            var theirs = Hex.Parse(oracle[i].Hex ?? throw new InvalidOperationException(oracle[i].Error));
            var read = TlRegistry.ReadObject(theirs);
            if (read.GetType() != built[i].Value.GetType() || Hex.Of(read.ToBytes()) != oracle[i].Hex)
            {
                failures.Add($"{built[i].Combinator.Name}: read as {read.GetType().Name}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    [Fact]
    public void Only_the_bare_typed_service_constructors_are_left_out_of_the_comparison()
    {
        var excluded = SchemaFixture.Model.Generated.Where(c => !GramJsCanBuild(c)).Select(c => c.Name).Order().ToList();

        Assert.Equal(["future_salts"], excluded);
    }
}
