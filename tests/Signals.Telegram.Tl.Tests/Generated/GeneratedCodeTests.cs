using Signals.Telegram.Tl.Tests.Support;
using Signals.Telegram.TlGen;
using Signals.Telegram.TlGen.Schema;
using Xunit;

namespace Signals.Telegram.Tl.Tests.Generated;

/// <summary>The checked-in schema and code are exactly what the generator makes from their sources.</summary>
public sealed class GeneratedCodeTests
{
    [Fact]
    public void Checked_in_generated_code_equals_the_generator_output()
    {
        var expected = Generator.GenerateCode(SchemaFixture.MtprotoText, SchemaFixture.ApiText);
        var actual = Directory.GetFiles(RepositoryPaths.GeneratedDirectory, "*.g.cs")
            .ToDictionary(f => Path.GetFileName(f), f => File.ReadAllText(f));

        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (name, content) in expected)
        {
            Assert.True(content == actual[name], $"Generated/{name} differs from the generator's output: run `dotnet run --project Telegram/Signals.Telegram.TlGen -- code`.");
        }
    }

    [Fact]
    public void Api_schema_is_GramJS_lines_for_the_closure_of_the_roots()
    {
        var gramJs = Path.Combine(RepositoryPaths.GramJsDirectory, "node_modules", "telegram", "tl");
        var expected = Generator.BuildApiSchema(
            File.ReadAllText(Path.Combine(gramJs, "apiTl.js")),
            File.ReadAllText(Path.Combine(gramJs, "AllTLObjects.js")),
            File.ReadAllText(Path.Combine(RepositoryPaths.SchemaDirectory, Generator.RootsFile)));

        Assert.True(expected == SchemaFixture.ApiText, "Schema/api.tl is stale: run `dotnet run --project Telegram/Signals.Telegram.TlGen -- api`.");
    }

    [Fact]
    public void Service_schema_holds_GramJS_service_lines_verbatim()
    {
        var gramJs = Path.Combine(RepositoryPaths.GramJsDirectory, "node_modules", "telegram", "tl", "schemaTl.js");
        var theirs = GramJsSchemaSource.ExtractSchemaText(File.ReadAllText(gramJs)).Split('\n').Where(l => l.Trim().Length > 0);
        var ours = SchemaFixture.MtprotoText.Split('\n').ToHashSet();

        Assert.All(theirs, line => Assert.Contains(line, ours));
    }

    [Fact]
    public void Every_type_a_field_or_result_names_has_its_constructors_in_the_subset()
    {
        var schema = SchemaFixture.Model.Schema;
        var missing = schema.Combinators
            .SelectMany(c => c.Parameters.Select(p => (c, p.Type.Innermost)).Append((c, c.Result.Innermost)))
            .Where(x => !x.Item2.IsGenericQuery && !TlPrimitives.IsPrimitive(x.Item2.Name) && x.Item2.Name is not ("X" or "Vector"))
            .Where(x => !(x.c.SchemaName == "mtproto" && x.Item2.Name is "Message" or "Object"))
            .Where(x => schema.ConstructorsOf(x.c.SchemaName, x.Item2.Name).Count == 0 && !schema.ByName.ContainsKey((x.c.SchemaName, x.Item2.Name)))
            .Select(x => $"{x.c.Name} -> {x.Item2.Name}")
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Layer_is_198_in_the_schema_and_in_code()
    {
        Assert.Equal(198, Generator.LayerOf(SchemaFixture.ApiText));
        Assert.Equal(198, TlLayer.Current);
    }

    [Theory]
    [InlineData("invokeWithLayer")]
    [InlineData("initConnection")]
    [InlineData("help.getConfig")]
    [InlineData("auth.checkPassword")]
    [InlineData("inputCheckPasswordSRP")]
    [InlineData("passwordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow")]
    [InlineData("updates.getChannelDifference")]
    [InlineData("updates.channelDifferenceTooLong")]
    [InlineData("updateShortSentMessage")]
    [InlineData("messageEntityTextUrl")]
    [InlineData("channelForbidden")]
    [InlineData("dcOption")]
    public void Subset_covers_what_the_client_needs(string name)
    {
        Assert.Contains(SchemaFixture.Model.Generated, c => c.Name == name);
    }
}
