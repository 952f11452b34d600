namespace Signals.Detection.Tests.Support;

/// <summary>
/// Finds shared/corpus/posts-dev.jsonl: SIGNALS_CORPUS if set, else by walking up from the test assembly. The repo
/// sits beside shared/ both on a developer machine and in CI, whatever the clone's folder is called. The walk also
/// starts from the test project's source folder, because build output may live outside the repo.
/// </summary>
public static class CorpusLocator
{
    public const string RelativePath = "shared/corpus/posts-dev.jsonl";

    public static string Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("SIGNALS_CORPUS");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            Assert.True(File.Exists(fromEnvironment), $"SIGNALS_CORPUS points to {fromEnvironment}, which does not exist.");
            return fromEnvironment;
        }

        var searched = new List<string>();
        foreach (var start in StartFolders())
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, RelativePath);
                searched.Add(candidate);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        Assert.Fail($"The dev corpus was not found. Set SIGNALS_CORPUS or place {RelativePath} in a parent folder of the repo. Looked at:\n  "
            + string.Join("\n  ", searched));
        return string.Empty;
    }

    private static IEnumerable<string> StartFolders()
    {
        yield return AppContext.BaseDirectory;
        var source = typeof(CorpusLocator).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "SourceDirectory")?.Value;
        if (!string.IsNullOrEmpty(source))
        {
            yield return source;
        }
    }
}
