using System.Net.Sockets;
using System.Threading.Channels;
using Signals.Telegram.Emulator.World;
using Signals.Telegram.Errors;
using Signals.Telegram.Mtproto.Transport;
using Signals.Telegram.Tl;
using Signals.Telegram.Tl.Service;

namespace Signals.Telegram.Emulator.Server;

/// <summary>
/// Everything one connection writes: replies to what it read, answers that come later (a held send), and pushed
/// updates. They share the socket, so one writer goes at a time, and each message is encrypted while its writer
/// holds the lock: msg_ids and seqnos reach the client in the order they were made and nothing interleaves.
/// </summary>
internal sealed class ConnectionOutbox(MtprotoServer server, long connectionId)
{
    /// <summary>Telegram's transport error for an unknown key or a message that fails its checks.</summary>
    private const int AuthKeyNotFound = -404;

    private readonly SemaphoreSlim _lock = new(1, 1);
    private Stream? _stream;
    private TransportCodec? _codec;
    private ConnectionProtocol? _protocol;

    /// <summary>Cancelled when the connection ends; late writes give up then.</summary>
    public CancellationToken Lifetime { get; set; }

    /// <summary>The connection's auth key once attached; late answers and pushes are encrypted under it.</summary>
    public ServerKeyState? Key { get; set; }

    /// <summary>Starts writing on <paramref name="stream"/>; pushes go to the session <paramref name="protocol"/> last handled.</summary>
    public void Open(Stream stream, TransportCodec codec, ConnectionProtocol protocol)
    {
        _stream = stream;
        _codec = codec;
        _protocol = protocol;
    }

    /// <summary>Runs <paramref name="write"/> as the only writer (it may call <see cref="SendAsync"/>).</summary>
    public async Task<T> ExclusiveAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            return await write();
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Writes one frame; only inside <see cref="ExclusiveAsync{T}"/> once the connection has a key.</summary>
    public async Task SendAsync(byte[] payload, CancellationToken cancellationToken) =>
        await _stream!.WriteAsync(_codec!.EncodeFrame(payload), cancellationToken);

    public async Task SendTransportErrorAsync(CancellationToken cancellationToken) =>
        await _stream!.WriteAsync(_codec!.EncodeTransportError(AuthKeyNotFound), cancellationToken);

    /// <summary>Writes a call's answer when the world has it, while the read loop goes on serving the connection.</summary>
    public void AnswerLater(DeferredReply deferred) => _ = AnswerLaterAsync(deferred);

    /// <summary>Writes an updates object on the session last used, without waiting (faults: updatesTooLong).</summary>
    public void Push(TlObject updates) => _ = WriteEncryptedAsync(updates, session: null);

    /// <summary>Turns the world's pushed update-box entries into Telegram's updates on this connection until it closes.</summary>
    public async Task PumpAsync(WorldConnection world)
    {
        try
        {
            await foreach (var update in world.BoxUpdates.ReadAllAsync(Lifetime))
            {
                if (world.Me?.Id is not { } viewerId || PushedUpdates.Push(update, world, viewerId, server.Time.GetUtcNow()) is not { } updates)
                {
                    continue;
                }

                if (!server.Faults.TakePushSkip())
                {
                    await WriteEncryptedAsync(updates, session: null);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or TelegramException or ChannelClosedException)
        {
            // The connection closed (or the world closed it); the read loop ends it.
        }
    }

    private async Task AnswerLaterAsync(DeferredReply deferred)
    {
        TlObject answer;
        try
        {
            answer = await deferred.Answer.WaitAsync(Lifetime);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        catch (TelegramException error)
        {
            answer = RpcErrors.From(error);
        }
        catch (Exception e)
        {
            ServerLog.ConnectionFailed(server.Logger, connectionId, e);
            answer = RpcErrors.Of(500, "INTERNAL_SERVER_ERROR");
        }

        await WriteEncryptedAsync(RpcResult.For(deferred.RequestMessageId, answer), deferred.Session);
    }

    /// <summary>Encrypts and writes one message on a session (the last used when none is given); a closed socket drops it.</summary>
    private async Task WriteEncryptedAsync(TlObject body, ServerSessionState? session)
    {
        try
        {
            await ExclusiveAsync(
                async () =>
                {
                    if (Key is { } key && (session ?? _protocol?.LastSession) is { } target && _codec is not null)
                    {
                        await SendAsync(ConnectionProtocol.EncryptOne(key, target, body), Lifetime);
                    }

                    return true;
                },
                Lifetime);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or SocketException)
        {
            // The connection is going away; whatever it owed is lost with it, as with a real socket.
        }
    }
}
