using StackExchange.Redis;

namespace Signals.Streaming.Redis;

/// <summary>
/// The provider's multiplexer, made on first use. A multiplexer keeps reconnecting by itself, so one that was
/// created while Redis was down becomes useful once Redis is back.
/// </summary>
internal sealed class RedisStreamConnection : IAsyncDisposable
{
    private readonly RedisStreamOptions _options;
    private readonly IServiceProvider _services;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IConnectionMultiplexer? _multiplexer;
    private bool _owned;

    public RedisStreamConnection(RedisStreamOptions options, IServiceProvider services)
    {
        _options = options;
        _services = services;
    }

    public async ValueTask<IConnectionMultiplexer> GetAsync()
    {
        if (_multiplexer is { } ready)
        {
            return ready;
        }

        await _gate.WaitAsync();
        try
        {
            if (_multiplexer is null)
            {
                if (_options.ConnectionFactory is { } factory)
                {
                    _multiplexer = await factory(_services);
                }
                else
                {
                    var configuration = ConfigurationOptions.Parse(_options.ConnectionString!);
                    configuration.AbortOnConnectFail = false;
                    // I/O completions on the .NET thread pool, which the silo already keeps busy, instead of handing each
                    // reply over from SE.Redis' dedicated threads: fewer thread switches per XADD/XREADGROUP on few cores.
                    // Safe here because no grain or agent code blocks a pool thread.
                    configuration.SocketManager ??= SocketManager.ThreadPool;
                    _multiplexer = await ConnectionMultiplexer.ConnectAsync(configuration);
                    _owned = true;
                }
            }

            return _multiplexer;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_owned && _multiplexer is not null)
        {
            await _multiplexer.DisposeAsync();
        }

        _gate.Dispose();
    }
}
