namespace Signals.Testing;

/// <summary>Finds the <c>redis-server</c> binary the tests run.</summary>
internal static class RedisExecutable
{
    private const string Name = "redis-server";

    public static string Find()
    {
        var pathDirectories = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (var directory in pathDirectories.Append("/usr/bin").Append("/usr/local/bin"))
        {
            var candidate = Path.Combine(directory, Name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"'{Name}' was not found on PATH or in /usr/bin. These tests start their own Redis: run ./test.sh, which installs redis-server " +
            "(or `apt-get install -y redis-server`).");
    }
}
