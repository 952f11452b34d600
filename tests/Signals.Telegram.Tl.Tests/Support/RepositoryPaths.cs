using System.Reflection;

namespace Signals.Telegram.Tl.Tests.Support;

/// <summary>
/// Finds the repository and the GramJS harness by walking up from the test assembly, then (for builds with an
/// artifacts path outside the repository) from the source directory recorded at build time.
/// </summary>
internal static class RepositoryPaths
{
    public static string Root => FindUp(dir => File.Exists(Path.Combine(dir, "Signals.sln")))
        ?? throw new InvalidOperationException("Signals.sln not found above " + AppContext.BaseDirectory);

    public static string SchemaDirectory => Path.Combine(Root, "Telegram", "Signals.Telegram.Tl", "Schema");

    public static string GeneratedDirectory => Path.Combine(Root, "Telegram", "Signals.Telegram.Tl", "Generated");

    /// <summary>tests/gramjs, which must have its node_modules installed.</summary>
    public static string GramJsDirectory
    {
        get
        {
            var dir = FindUp(d => Directory.Exists(Path.Combine(d, "tests", "gramjs", "node_modules", "telegram")));
            if (dir is null)
            {
                var expected = Path.Combine(Root, "tests", "gramjs");
                throw new InvalidOperationException(
                    $"GramJS is not installed: run `npm ci` in {expected} (tests/gramjs/node_modules/telegram is missing).");
            }

            return Path.Combine(dir, "tests", "gramjs");
        }
    }

    private static string? FindUp(Func<string, bool> predicate)
    {
        var recorded = typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        foreach (var start in new[] { AppContext.BaseDirectory, recorded })
        {
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (predicate(dir.FullName))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }
}
