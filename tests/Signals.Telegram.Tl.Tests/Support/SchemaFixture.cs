using Signals.Telegram.TlGen;
using Signals.Telegram.TlGen.CSharp;

namespace Signals.Telegram.Tl.Tests.Support;

/// <summary>The checked-in schema, parsed once, with the generator's naming model.</summary>
internal static class SchemaFixture
{
    private static readonly Lazy<CSharpModel> LazyModel = new(() => new CSharpModel(Generator.LoadSchema(MtprotoText, ApiText)));

    public static string MtprotoText => File.ReadAllText(Path.Combine(RepositoryPaths.SchemaDirectory, Generator.MtprotoFile));

    public static string ApiText => File.ReadAllText(Path.Combine(RepositoryPaths.SchemaDirectory, Generator.ApiFile));

    public static CSharpModel Model => LazyModel.Value;
}
