using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using StackExchange.Redis;

namespace Signals.Testing.Cluster;

public sealed class SignalsTestClientConfigurator : IClientBuilderConfigurator
{
    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder)
    {
        var redis = configuration[ClusterProperties.Redis] ?? throw new InvalidOperationException("The test cluster needs Redis.");
        clientBuilder.UseRedisClustering(o => o.ConfigurationOptions = ConfigurationOptions.Parse(redis));
    }
}
