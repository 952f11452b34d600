using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;
using Signals.Hosting;
using Signals.Silo.Configuration;
using Signals.Silo.Embedded;
using Signals.Silo.Health;
using Signals.Silo.Telemetry;
using Signals.Silo.TelegramAccess;
using Signals.Telegram.Emulator.World;

var builder = WebApplication.CreateBuilder(args);
SiloSettings settings;
MembershipSettings membership;
try
{
    settings = SiloSettings.Load(builder.Configuration);
    membership = MembershipSettings.Load(builder.Configuration);
}
catch (SiloConfigurationException ex)
{
    // Before any logging exists: a plain, complete message and a failing exit code.
    await Console.Error.WriteLineAsync(ex.Message);
    return 2;
}

builder.Services.AddSingleton(settings);
builder.Services.TryAddSingleton(TimeProvider.System);
builder.Services.AddSingleton(new EmbeddedWorld(new TelegramWorld()));
builder.UseOrleans(silo =>
{
    silo.Configure<ClusterOptions>(o =>
    {
        o.ClusterId = settings.ClusterId;
        o.ServiceId = settings.ServiceId;
    });
    if (settings.Embedded)
    {
        silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort, serviceId: settings.ServiceId, clusterId: settings.ClusterId);
    }
    else
    {
        silo.UseRedisClustering(o => o.ConfigurationOptions = StackExchange.Redis.ConfigurationOptions.Parse(settings.RedisConnectionString!));
        silo.Configure<ClusterMembershipOptions>(membership.Apply);
        silo.Configure<ReminderOptions>(membership.Apply);
        silo.Configure<Signals.Sessions.SessionOptions>(membership.Apply);
        silo.Configure<EndpointOptions>(o =>
        {
            o.AdvertisedIPAddress = settings.AdvertisedIPAddress ?? System.Net.IPAddress.Loopback;
            o.SiloPort = settings.SiloPort;
            o.GatewayPort = settings.GatewayPort;
            o.SiloListeningEndpoint = new System.Net.IPEndPoint(System.Net.IPAddress.Any, settings.SiloPort);
            o.GatewayListeningEndpoint = new System.Net.IPEndPoint(System.Net.IPAddress.Any, settings.GatewayPort);
        });
    }

    silo.AddSignals(new SignalsSiloSetup
    {
        RedisConnectionString = settings.RedisConnectionString,
        ConfigureTelegram = services => services.AddSignalsTelegram(settings.Telegram),
    });
});

builder.Services.AddSiloHealthChecks();
builder.AddSignalsTelemetry();
if (settings.DemoEnabled)
{
    builder.Services.AddHostedService<DemoHostedService>();
}

var app = builder.Build();
var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Signals.Silo");
if (settings.Embedded)
{
    EmbeddedLog.NothingIsDurable(logger);
}
else
{
    EmbeddedLog.RedisMode(logger, settings.ClusterId, settings.ServiceId, settings.SiloPort, settings.GatewayPort);
}

app.MapSiloHealthEndpoints();
app.MapPrometheusScrapingEndpoint("/metrics");
app.MapGet("/", () => Results.Text("Signals silo. Probes: /health/startup /health/ready /health/live; metrics: /metrics\n"));

try
{
    await app.RunAsync();
    return 0;
}
catch (Microsoft.Extensions.Options.OptionsValidationException ex)
{
    await Console.Error.WriteLineAsync("Invalid configuration:" + Environment.NewLine + string.Join(Environment.NewLine, ex.Failures.Select(f => "  - " + f)));
    return 2;
}
