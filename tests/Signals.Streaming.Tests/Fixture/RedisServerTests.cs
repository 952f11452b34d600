using System.Diagnostics;
using Signals.Testing;
using StackExchange.Redis;
using Xunit;

namespace Signals.Streaming.Tests.Fixture;

public sealed class RedisServerTests
{
    [Fact]
    public async Task Server_listens_on_its_own_loopback_port_never_the_default_one()
    {
        await using var server = await RedisServer.StartAsync();
        await using var connection = await server.ConnectAsync();

        Assert.NotEqual(6379, server.Port);
        Assert.Equal($"127.0.0.1:{server.Port}", server.ConnectionString);
        await connection.GetDatabase().StringSetAsync("k", "v");
        Assert.Equal("v", (string?)await connection.GetDatabase().StringGetAsync("k"));
    }

    [Fact]
    public async Task Restart_keeps_port_and_appendonly_data()
    {
        await using var server = await RedisServer.StartAsync(new RedisServerOptions { AppendFsync = "always" });
        var port = server.Port;
        await using (var connection = await server.ConnectAsync())
        {
            await connection.GetDatabase().StringSetAsync("survives", "yes");
        }

        await server.KillAsync();
        Assert.False(server.IsRunning);
        await server.RestartAsync();

        await using var again = await server.ConnectAsync();
        Assert.Equal(port, server.Port);
        Assert.Equal("yes", (string?)await again.GetDatabase().StringGetAsync("survives"));
    }

    [Fact]
    public async Task Flush_all_empties_every_database()
    {
        await using var server = await RedisServer.StartAsync();
        await using var connection = await server.ConnectAsync();
        await connection.GetDatabase(0).StringSetAsync("a", 1);
        await connection.GetDatabase(3).StringSetAsync("b", 2);

        await server.FlushAllAsync();

        Assert.False(await connection.GetDatabase(0).KeyExistsAsync("a"));
        Assert.False(await connection.GetDatabase(3).KeyExistsAsync("b"));
    }

    [Fact]
    public async Task Dispose_ends_the_redis_process_and_removes_its_directory()
    {
        var server = await RedisServer.StartAsync();
        var directory = server.DataDirectory;
        var pid = server.ProcessId!.Value;
        Assert.StartsWith("redis-server", Process.GetProcessById(pid).ProcessName, StringComparison.Ordinal);

        await server.DisposeAsync();

        Assert.False(Directory.Exists(directory));
        Assert.Throws<ArgumentException>(() => Process.GetProcessById(pid));
    }
}
