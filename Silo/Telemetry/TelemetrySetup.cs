using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Signals.Diagnostics;

namespace Signals.Silo.Telemetry;

/// <summary>
/// Traces and metrics: Signals' own source and meter, Orleans' application spans and meter, Prometheus on /metrics,
/// and OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set (the standard variable, read by the exporter itself).
/// </summary>
public static class TelemetrySetup
{
    public static void AddSignalsTelemetry(this WebApplicationBuilder builder)
    {
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("signals-silo"))
            .WithTracing(tracing =>
            {
                tracing.AddSource(SignalsTelemetry.Name, "Signals.*", "Microsoft.Orleans.Application");
                if (otlp)
                {
                    tracing.AddOtlpExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(SignalsTelemetry.Name, "Signals.*", "Microsoft.Orleans");
                metrics.AddPrometheusExporter();
                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
            });
    }
}
