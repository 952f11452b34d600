using Signals.Telegram.Tl;
using Signals.Telegram.Tl.Service;

namespace Signals.Telegram.Mtproto.Session;

/// <summary>Something the owner of a session must act on, produced by <see cref="MtprotoSession.Receive"/>.</summary>
public abstract record SessionEvent;

/// <summary>
/// A request got its answer. <see cref="Result"/> is an rpc_result (for pong and future_salts, which arrive bare,
/// one is made up around them so every answer reads the same way).
/// </summary>
public sealed record RequestAnswered(PendingRequest Request, RpcResult Result) : SessionEvent;

/// <summary>The server refused a request for a reason resending cannot cure (a bad_msg_notification code).</summary>
public sealed record RequestRejected(PendingRequest Request, int ErrorCode) : SessionEvent;

/// <summary>An object nobody asked for: updates, mostly.</summary>
public sealed record UnsolicitedMessage(TlObject Message) : SessionEvent;

/// <summary>
/// The server started a new session for us; answers to messages before <see cref="FirstMessageId"/> are lost, and
/// updates may have been missed.
/// </summary>
public sealed record NewSessionStarted(long FirstMessageId) : SessionEvent;
