namespace Signals.Testing.Cluster;

/// <summary>Keys the test cluster passes to its configurators through configuration.</summary>
internal static class ClusterProperties
{
    public const string Redis = "SignalsTest:Redis";
    public const string ClusterId = "Orleans:ClusterId";
}
