using System.Text.RegularExpressions;

namespace Signals.Deploy.Tests.Source;

/// <summary>
/// Facts the manifests must agree with, read from the C# source rather than copied into the tests, so renaming a
/// configuration key, a probe path or a port in the code breaks these tests instead of a production rollout.
/// </summary>
public static partial class SourceFacts
{
    /// <summary>Configuration keys the silo reads itself (Silo/Configuration/SiloSettings.cs), colon-separated.</summary>
    public static IReadOnlySet<string> SiloSettingsKeys()
    {
        // SiloSettings and the settings records it loads (Telegram, membership) all live in Silo/Configuration.
        var source = string.Concat(SourceFiles("Silo/Configuration").Select(File.ReadAllText));
        var keys = QuotedKey().Matches(source).Select(m => m.Groups[1].Value)
            .Concat(ConnectionStringName().Matches(source).Select(m => "ConnectionStrings:" + m.Groups[1].Value));
        return keys.ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Options classes bound from a `Signals:*` section: section → its public settable properties.</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> OptionsSections()
    {
        var sections = new Dictionary<string, IReadOnlySet<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in SourceFiles("Grains", "Silo"))
        {
            var source = File.ReadAllText(file);
            var section = SectionConstant().Match(source);
            if (section.Success)
            {
                sections[section.Groups[1].Value] = SettableProperty().Matches(source)
                    .Select(m => m.Groups[1].Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
            }
        }

        return sections;
    }

    /// <summary>The paths the silo maps its health checks on (Silo/Health).</summary>
    public static IReadOnlySet<string> HealthPaths()
    {
        var source = string.Concat(SourceFiles("Silo/Health").Select(File.ReadAllText));
        return MapHealthChecks().Matches(source).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The path of the Prometheus scraping endpoint (Silo/Program.cs).</summary>
    public static string MetricsPath()
    {
        var match = MapPrometheus().Match(Rendering.Repository.ReadText("Silo/Program.cs"));
        Assert.True(match.Success, "Silo/Program.cs no longer maps a Prometheus scraping endpoint with a literal path.");
        return match.Groups[1].Value;
    }

    /// <summary>The assembly name a project builds (its AssemblyName, else the project file's name).</summary>
    public static string AssemblyName(string projectPath)
    {
        var match = AssemblyNameElement().Match(Rendering.Repository.ReadText(projectPath));
        return match.Success ? match.Groups[1].Value : Path.GetFileNameWithoutExtension(projectPath);
    }

    private static IEnumerable<string> SourceFiles(params string[] folders) =>
        folders.SelectMany(f => Directory.EnumerateFiles(Rendering.Repository.PathOf(f), "*.cs", SearchOption.AllDirectories))
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [GeneratedRegex("\"((?:Orleans|Signals):[A-Za-z0-9:]+)\"")]
    private static partial Regex QuotedKey();

    [GeneratedRegex("GetConnectionString\\(\"(\\w+)\"\\)")]
    private static partial Regex ConnectionStringName();

    [GeneratedRegex("public const string Section = \"(Signals:[A-Za-z0-9:]+)\";")]
    private static partial Regex SectionConstant();

    [GeneratedRegex("public\\s+[\\w<>?,\\s\\[\\]]+?\\s+(\\w+)\\s*\\{\\s*get;\\s*(?:set|init);")]
    private static partial Regex SettableProperty();

    [GeneratedRegex("MapHealthChecks\\(\"([^\"]+)\"")]
    private static partial Regex MapHealthChecks();

    [GeneratedRegex("MapPrometheusScrapingEndpoint\\(\"([^\"]+)\"\\)")]
    private static partial Regex MapPrometheus();

    [GeneratedRegex("<AssemblyName>([^<]+)</AssemblyName>")]
    private static partial Regex AssemblyNameElement();
}
