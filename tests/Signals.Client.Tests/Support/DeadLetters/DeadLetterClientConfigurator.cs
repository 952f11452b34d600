using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Orleans.TestingHost;
using Signals.Signals;
using StackExchange.Redis;

namespace Signals.Client.Tests.Support.DeadLetters;

/// <summary>The test's own client: Redis membership, and (durable mode) the stream provider, so a test can publish signal events.</summary>
public sealed class DeadLetterClientConfigurator : IClientBuilderConfigurator
{
    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder)
    {
        var redis = configuration[DeadLetterClusterSettings.Redis] ?? throw new InvalidOperationException("No Redis.");
        clientBuilder.UseRedisClustering(o => o.ConfigurationOptions = ConfigurationOptions.Parse(redis));
        if (configuration.GetValue<bool>(DeadLetterClusterSettings.Durable))
        {
            clientBuilder.AddRedisStreams(SignalStreams.ProviderName, o => o.ConnectionString = redis);
        }
    }
}
