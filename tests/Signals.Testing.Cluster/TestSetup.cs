using Signals.Hosting;

namespace Signals.Testing.Cluster;

/// <summary>What <see cref="SignalsTestCluster.SeedAsync"/> created: the bootstrap plan, the channels' ids, the alert group's id.</summary>
public sealed record TestSetup(BootstrapPlan Plan, IReadOnlyList<long> ChannelIds, long DestinationId);
