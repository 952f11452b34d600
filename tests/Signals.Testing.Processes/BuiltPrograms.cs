namespace Signals.Testing.Processes;

/// <summary>
/// Finds the programs the build produced, in the configuration this assembly was built in (a Release test run starts
/// Release programs).
/// </summary>
public static class BuiltPrograms
{
    public static string SiloDll => Find("Silo", "Signals.Silo.dll");

    public static string CliDll => Find("Client", "signals.dll");

    public static string EmulatorDll => Find(Path.Combine("Telegram", "Signals.Telegram.Emulator.Server"), "Signals.Telegram.Emulator.Server.dll");

    public static string Configuration
    {
        get
        {
            var here = AppContext.BaseDirectory;
            return here.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        }
    }

    public static string RepositoryRoot
    {
        get
        {
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "Signals.sln")))
            {
                root = root.Parent;
            }

            return root?.FullName ?? throw new InvalidOperationException($"Signals.sln not found above {AppContext.BaseDirectory}.");
        }
    }

    private static string Find(string project, string file)
    {
        var candidate = Path.Combine(RepositoryRoot, project, "bin", Configuration, "net10.0", file);
        return File.Exists(candidate)
            ? candidate
            : throw new InvalidOperationException($"{file} not found at {candidate}: build it ({Configuration}) first.");
    }
}
