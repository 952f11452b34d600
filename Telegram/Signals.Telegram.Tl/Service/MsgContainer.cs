using Signals.Telegram.Tl.Serialization;

namespace Signals.Telegram.Tl.Service;

/// <summary>
/// <c>msg_container#73f1f8dc messages:vector&lt;%Message&gt; = MessageContainer;</c> Bodies stay raw so the session
/// layer can decode each one on its own: an unknown constructor in one message must not lose the others.
/// </summary>
public sealed class MsgContainer : TlObject
{
    public const uint ConstructorId = 0x73f1f8dc;

    /// <summary>Bare <c>message</c> header: msg_id, seqno and bytes, 16 bytes before the body.</summary>
    private const int MessageHeaderBytes = 16;

    public List<ContainerMessage> Messages { get; set; } = [];

    public override uint GetConstructorId() => ConstructorId;

    public override void WriteBody(TlWriter writer)
    {
        writer.WriteInt32(Messages.Count);
        foreach (var message in Messages)
        {
            writer.WriteInt64(message.MsgId);
            writer.WriteInt32(message.Seqno);
            writer.WriteInt32(message.Body.Length);
            writer.WriteRaw(message.Body);
        }
    }

    public static MsgContainer ReadBody(ref TlReader reader)
    {
        var count = reader.ReadBareVectorCount(MessageHeaderBytes + 4);
        var messages = new List<ContainerMessage>(count);
        for (var i = 0; i < count; i++)
        {
            var msgId = reader.ReadInt64();
            var seqno = reader.ReadInt32();
            var length = reader.ReadInt32();
            if (length % 4 != 0)
            {
                throw new TlReadException($"Container message body length {length} is not a multiple of 4.");
            }

            messages.Add(new ContainerMessage(msgId, seqno, reader.ReadRaw(length).ToArray()));
        }

        return new MsgContainer { Messages = messages };
    }
}
