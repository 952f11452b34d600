using System.Runtime.CompilerServices;

namespace Signals.Client.Tests.Support;

/// <summary>
/// Finds shared/corpus/posts-dev.jsonl (issue 5's dev corpus): SIGNALS_CORPUS if set, else beside the repository,
/// found by walking up from this source file (build output may live outside the repository).
/// </summary>
public static class DevCorpus
{
    private const string RelativePath = "shared/corpus/posts-dev.jsonl";

    public static string Locate([CallerFilePath] string sourceFile = "")
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("SIGNALS_CORPUS");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return fromEnvironment;
        }

        foreach (var start in (string[])[Path.GetDirectoryName(sourceFile) ?? ".", AppContext.BaseDirectory])
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, RelativePath);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        Assert.Fail($"The dev corpus ({RelativePath}) was not found above the repository; set SIGNALS_CORPUS.");
        return string.Empty;
    }
}
