using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Hosting;
using Signals.Streaming.Redis;
using Xunit;

namespace Signals.Streaming.Tests.Units;

public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData("QueueCount")]
    [InlineData("MaxDeliveryAttempts")]
    [InlineData("MaxStreamLength")]
    [InlineData("ConnectionString")]
    public async Task Host_start_fails_naming_the_bad_key(string key)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(client => client
            .UseLocalhostClustering(gatewayPort: 1)
            .AddRedisStreams("bad", options =>
            {
                options.ConnectionString = key == "ConnectionString" ? null : "127.0.0.1:1";
                options.QueueCount = key == "QueueCount" ? 0 : 8;
                options.MaxDeliveryAttempts = key == "MaxDeliveryAttempts" ? 0 : 5;
                options.MaxStreamLength = key == "MaxStreamLength" ? -1 : 100;
            }));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync().WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Contains($"RedisStreams:bad:{key}", error.Message, StringComparison.Ordinal);
        Assert.Single(error.Failures);
    }
}
