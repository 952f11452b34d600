using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Signals.Silo.Health;

/// <summary>The three Kubernetes probes, each bound to its own tagged checks.</summary>
public static class HealthEndpoints
{
    public static void AddSiloHealthChecks(this IServiceCollection services) =>
        services.AddHealthChecks()
            .AddCheck<SiloStartedHealthCheck>("started", tags: ["startup"])
            .AddCheck<SiloReadyHealthCheck>("ready", tags: ["ready"]);

    public static void MapSiloHealthEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/startup", new HealthCheckOptions { Predicate = c => c.Tags.Contains("startup") });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
    }
}
