using System.Reflection;

namespace Signals.Deploy.Tests.Rendering;

/// <summary>Paths inside the repository the tests were built from.</summary>
public static class Repository
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public static string ReadText(string relative) => File.ReadAllText(PathOf(relative));

    private static string FindRoot()
    {
        // Above the test binaries when they are built in the tree; else the folder recorded at build time.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Signals.sln")))
            {
                return dir.FullName;
            }
        }

        var recorded = typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        if (recorded is not null && File.Exists(Path.Combine(recorded, "Signals.sln")))
        {
            return recorded;
        }

        throw new InvalidOperationException($"Signals.sln not found above {AppContext.BaseDirectory} nor at '{recorded}'.");
    }
}
