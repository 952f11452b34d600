using Microsoft.Extensions.Logging;
using Signals.Telegram.Client.Session;
using Signals.Telegram.Errors;
using Signals.Telegram.Mtproto.Sender;
using Signals.Telegram.Port;

namespace Signals.Telegram.Client.Connection;

/// <summary>
/// The senders of one session, at most one per DC, each keeping its key in the session state. A DC that answers a
/// known key with transport error -404 no longer knows it: the key is dropped, a new one made, and (on the home DC)
/// the session needs a login again, exactly once and never in a loop.
/// </summary>
internal sealed class DcSenders(MtprotoConnectorOptions options, SessionState state, string sessionName, ISessionFence? fence, ILogger logger) : IAsyncDisposable
{
    /// <summary>initConnection's params key that names the session (the emulator names the connection after it).</summary>
    public const string SessionParam = "signals_session";

    private readonly Lock _gate = new();
    private readonly Dictionary<int, MtprotoSender> _senders = [];

    public MtprotoSender? Get(int dcId)
    {
        lock (_gate)
        {
            return _senders.GetValueOrDefault(dcId);
        }
    }

    /// <summary>The DC's sender, connected (made and connected now if there is none yet).</summary>
    public async Task<MtprotoSender> GetOrOpenAsync(int dcId, CancellationToken cancellationToken)
    {
        if (Get(dcId) is { } open)
        {
            return open;
        }

        var endpoint = options.DataCenters.FirstOrDefault(dc => dc.Id == dcId)
            ?? throw new TelegramPermanentException("DC_ID_INVALID", $"DC_ID_INVALID: no address for DC {dcId}");
        var sender = await ConnectAsync(endpoint, cancellationToken);
        lock (_gate)
        {
            if (_senders.TryGetValue(dcId, out var raced))
            {
                _ = sender.DisposeAsync().AsTask();
                return raced;
            }

            _senders[dcId] = sender;
            return sender;
        }
    }

    public async Task CloseAsync(int dcId)
    {
        MtprotoSender? sender;
        lock (_gate)
        {
            _senders.Remove(dcId, out sender);
        }

        if (sender is not null)
        {
            await sender.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        List<MtprotoSender> senders;
        lock (_gate)
        {
            senders = [.. _senders.Values];
            _senders.Clear();
        }

        foreach (var sender in senders)
        {
            await sender.DisposeAsync();
        }
    }

    private async Task<MtprotoSender> ConnectAsync(DcEndpoint endpoint, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var sender = new MtprotoSender(SenderOptions(endpoint), new DcKeyStore(state, endpoint.Id));
            try
            {
                await sender.ConnectAsync(cancellationToken).WaitAsync(options.ConnectTimeout, options.Time, cancellationToken);
                return sender;
            }
            catch (MtprotoException error) when (error.TransportErrorCode is -404 && attempt == 0 && state.Key(endpoint.Id) is not null)
            {
                await sender.DisposeAsync();
                ConnectionLog.NewKey(logger, sessionName, endpoint.Id);
                state.RemoveKey(endpoint.Id);
                if (endpoint.Id == state.HomeDcId)
                {
                    state.ForgetLogin();
                }
            }
            catch (MtprotoException error) when (error.Fenced)
            {
                await sender.DisposeAsync();
                throw SessionFenced.Exception();
            }
            catch (Exception error)
            {
                await sender.DisposeAsync();
                if (error is OperationCanceledException && cancellationToken.IsCancellationRequested)
                {
                    throw;
                }

                throw new TelegramTransientException("CONNECT_FAILED", $"CONNECT_FAILED: could not connect to DC {endpoint.Id}", error);
            }
        }
    }

    private MtprotoSenderOptions SenderOptions(DcEndpoint endpoint) => new()
    {
        Host = endpoint.Host,
        Port = endpoint.Port,
        DcId = endpoint.Id,
        Transport = options.Transport,
        ServerKeys = options.ServerKeys,
        Time = options.Time,
        PingInterval = options.PingInterval,
        ReconnectDelay = options.ReconnectDelay,
        MaxReconnectDelay = options.MaxReconnectDelay,
        MaxReconnectAttempts = options.MaxReconnectAttempts,
        ApiId = options.ApiId,
        DeviceModel = options.DeviceModel,
        AppVersion = options.AppVersion,
        ConnectionParams = new Dictionary<string, string> { [SessionParam] = sessionName },
        MayTransmit = fence is null ? null : () => fence.MayUse,
        SignalReconnectAsUpdatesTooLong = true,
    };
}
