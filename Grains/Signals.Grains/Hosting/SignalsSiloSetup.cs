using Microsoft.Extensions.DependencyInjection;

namespace Signals.Hosting;

/// <summary>What differs between the silo host, the test clusters and the benchmarks; everything else is wired the same way.</summary>
public sealed class SignalsSiloSetup
{
    /// <summary>Redis for grain state and reminders. Null: in-memory providers (the embedded default; nothing is durable).</summary>
    public string? RedisConnectionString { get; set; }

    /// <summary>Registers the <see cref="Telegram.Port.ITelegramConnector"/> the session grains use.</summary>
    public Action<IServiceCollection>? ConfigureTelegram { get; set; }

    /// <summary>
    /// Replaces the default signal stream provider: Redis Streams when <see cref="RedisConnectionString"/> is set, memory
    /// streams otherwise.
    /// </summary>
    public Action<ISiloBuilder>? ConfigureSignalStreams { get; set; }
}
