using System.Buffers.Binary;
using System.Security.Cryptography;
using Signals.Telegram.Crypto;
using Signals.Telegram.Mtproto.Session;
using Signals.Telegram.Tl;
using Signals.Telegram.Tl.Service;

namespace Signals.Telegram.Mtproto.Tests.Support;

/// <summary>The server's half of an encrypted session, written plainly for tests of the client's state machine.</summary>
internal sealed class ServerSide(AuthKey key, long sessionId, TimeProvider time)
{
    private readonly MessageIdGenerator _ids = new(time, server: true);

    public static AuthKey NewKey()
    {
        var bytes = new byte[AuthKey.Size];
        RandomNumberGenerator.Fill(bytes);
        return new AuthKey(bytes);
    }

    /// <summary>Decrypts a client message and flattens a container into its messages.</summary>
    public (MessageHeader Header, List<ContainerMessage> Messages) Read(byte[] clientMessage)
    {
        var decrypted = MessageCipher.Decrypt(key, MessageDirection.ClientToServer, clientMessage);
        if (BinaryPrimitives.ReadUInt32LittleEndian(decrypted.Body) == MsgContainer.ConstructorId)
        {
            var container = (MsgContainer)TlRegistry.ReadObject(decrypted.Body);
            return (decrypted.Header, container.Messages);
        }

        return (decrypted.Header, [new ContainerMessage(decrypted.Header.MessageId, decrypted.Header.SeqNo, decrypted.Body)]);
    }

    public long NextId() => _ids.Next();

    public byte[] Send(TlObject body, bool contentRelated = true, long? messageId = null) =>
        Send(body.ToBytes(), contentRelated, messageId);

    public byte[] Send(byte[] body, bool contentRelated = true, long? messageId = null) =>
        MessageCipher.Encrypt(key, MessageDirection.ServerToClient, new MessageHeader(0, sessionId, messageId ?? NextId(), contentRelated ? 1 : 0), body);
}
