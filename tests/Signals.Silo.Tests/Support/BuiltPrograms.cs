namespace Signals.Silo.Tests.Support;

/// <summary>Finds the silo and CLI that the build produced next to this test assembly's configuration.</summary>
public static class BuiltPrograms
{
    public static string SiloDll => Find(Path.Combine("Silo", "bin"), "Signals.Silo.dll");

    public static string CliDll => Find(Path.Combine("Client", "bin"), "signals.dll");

    private static string Find(string relativeBin, string file)
    {
        var testDir = AppContext.BaseDirectory;
        var configuration = testDir.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release"
            : "Debug";
        var root = new DirectoryInfo(testDir);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Signals.sln")))
        {
            root = root.Parent;
        }

        if (root is null)
        {
            throw new InvalidOperationException($"Signals.sln not found above {testDir}.");
        }

        var candidate = Path.Combine(root.FullName, relativeBin, configuration, "net10.0", file);
        return File.Exists(candidate)
            ? candidate
            : throw new InvalidOperationException($"{file} not found at {candidate}: build the solution ({configuration}) first.");
    }
}
