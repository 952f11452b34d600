namespace Signals.Telegram.Tl.Service;

/// <summary>
/// One bare <c>message msg_id:long seqno:int bytes:int body:Object</c> of a container; <see cref="Body"/> is the
/// serialised boxed object (read it with <see cref="TlRegistry.ReadObject(ReadOnlySpan{byte})"/>).
/// </summary>
public sealed record ContainerMessage(long MsgId, int Seqno, byte[] Body);
