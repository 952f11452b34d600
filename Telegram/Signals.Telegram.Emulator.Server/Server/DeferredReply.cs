using Signals.Telegram.Tl;

namespace Signals.Telegram.Emulator.Server;

/// <summary>An rpc_result owed later: the session and msg_id it answers, and the answer in the making.</summary>
internal sealed record DeferredReply(ServerSessionState Session, long RequestMessageId, Task<TlObject> Answer);
