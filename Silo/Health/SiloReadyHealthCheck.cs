using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace Signals.Silo.Health;

/// <summary>Ready once this silo is an active member of its cluster (it then takes grain activations).</summary>
public sealed class SiloReadyHealthCheck(ISiloStatusOracle oracle) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(oracle.CurrentStatus == SiloStatus.Active
            ? HealthCheckResult.Healthy("silo active")
            : HealthCheckResult.Unhealthy($"silo {oracle.CurrentStatus}"));
}
