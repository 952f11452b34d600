using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Signals.Silo.Health;

/// <summary>Startup probe: the host (and with it the silo) finished starting.</summary>
public sealed class SiloStartedHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(lifetime.ApplicationStarted.IsCancellationRequested
            ? HealthCheckResult.Healthy("started")
            : HealthCheckResult.Unhealthy("starting"));
}
