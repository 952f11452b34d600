using System.Numerics;
using Signals.Telegram.Crypto;
using Signals.Telegram.Crypto.Tests.Support;
using Signals.Telegram.Mtproto.Auth;
using Signals.Telegram.Mtproto.Tests.Support;
using Signals.Telegram.Tl;
using Signals.Telegram.Tl.Mtproto;
using static Signals.Telegram.Crypto.Tests.Samples.AuthKeySample;

namespace Signals.Telegram.Mtproto.Tests.Auth;

/// <summary>
/// Our client handshake driven by the server messages of Telegram's published exchange (AuthKeySample cites the
/// pinned page), with the sample's random values scripted in: every request it sends that the page shows must come
/// out byte for byte, and the key must be the page's.
/// </summary>
public sealed class TelegramSampleHandshakeTests
{
    private static readonly RsaPublicKey TelegramKey = new(BigInteger.Parse(TelegramRsaModulusDecimal), 65537);

    [Fact]
    public void Client_reproduces_the_published_exchange_and_key()
    {
        var pqInner = Hex.Bytes(PqInnerData);
        var padding = Hex.Bytes(RsaRandomPadding)[..(RsaPad.PaddedDataLength - pqInner.Length)];
        var random = new ScriptedRandom(
            Hex.Bytes(Nonce),
            Hex.Bytes(NewNonce),
            padding,
            FirstAttemptTempKey(pqInner, padding),
            Hex.Bytes(B),
            Hex.Bytes(ClientDhPadding));
        var client = new ClientHandshake([TelegramKey], dcId: 2, new ManualTime(DateTimeOffset.FromUnixTimeSeconds(ServerTime)), random);

        var reqPq = (ReqPqMulti)TlRegistry.ReadObject(client.Start());
        Assert.Equal(Nonce, Hex.Of(reqPq.Nonce));

        var resPq = new ResPQ
        {
            Nonce = Hex.Bytes(Nonce),
            ServerNonce = Hex.Bytes(ServerNonce),
            Pq = Hex.Bytes(Pq),
            ServerPublicKeyFingerprints = [TelegramKey.Fingerprint],
        };
        var reqDh = (ReqDHParams)TlRegistry.ReadObject(client.Handle(resPq.ToBytes()).Reply!);
        Assert.Equal(P, (ulong)BigEndian.ToBigInteger(reqDh.P));
        Assert.Equal(Q, (ulong)BigEndian.ToBigInteger(reqDh.Q));
        Assert.Equal(Fingerprint, Hex.Of(BitConverter.GetBytes(reqDh.PublicKeyFingerprint)));
        Assert.Equal(RsaPad.BlockLength, reqDh.EncryptedData.Length);

        var dhOk = new ServerDHParamsOk { Nonce = Hex.Bytes(Nonce), ServerNonce = Hex.Bytes(ServerNonce), EncryptedAnswer = Hex.Bytes(EncryptedAnswer) };
        var setParams = (SetClientDHParams)TlRegistry.ReadObject(client.Handle(dhOk.ToBytes()).Reply!);
        Assert.Equal(ClientDhEncryptedData, Hex.Of(setParams.EncryptedData));

        var genOk = new DhGenOk { Nonce = Hex.Bytes(Nonce), ServerNonce = Hex.Bytes(ServerNonce), NewNonceHash1 = Hex.Bytes(NewNonceHash1) };
        var result = client.Handle(genOk.ToBytes()).Result!;

        Assert.Equal(Signals.Telegram.Crypto.Tests.Samples.AuthKeySample.AuthKey, Hex.Of(result.AuthKey.Key));
        Assert.Equal(HandshakeCrypto.ComputeServerSalt(Hex.Bytes(NewNonce), Hex.Bytes(ServerNonce)), result.ServerSalt);
        Assert.Equal(0, result.TimeOffsetSeconds);
    }

    [Fact]
    public void Client_refuses_the_published_answer_under_another_new_nonce()
    {
        var newNonce = new byte[32];
        newNonce[0] = 1;
        var random = new ScriptedRandom(Hex.Bytes(Nonce), newNonce, new byte[RsaPad.PaddedDataLength - Hex.Bytes(PqInnerData).Length], new byte[4096]);
        var client = new ClientHandshake([TelegramKey], dcId: 2, random: random);
        client.Start();
        var resPq = new ResPQ
        {
            Nonce = Hex.Bytes(Nonce),
            ServerNonce = Hex.Bytes(ServerNonce),
            Pq = Hex.Bytes(Pq),
            ServerPublicKeyFingerprints = [TelegramKey.Fingerprint],
        };
        client.Handle(resPq.ToBytes());
        var dhOk = new ServerDHParamsOk { Nonce = Hex.Bytes(Nonce), ServerNonce = Hex.Bytes(ServerNonce), EncryptedAnswer = Hex.Bytes(EncryptedAnswer) };

        Assert.Throws<HandshakeException>(() => client.Handle(dhOk.ToBytes()));
    }

    /// <summary>
    /// RSA_PAD's temp_key is not published, and a key whose block is not below the modulus makes RSA_PAD draw another
    /// one; pick one that works at once so the scripted bytes that follow (b, padding) stay in step.
    /// </summary>
    private static byte[] FirstAttemptTempKey(byte[] data, byte[] padding)
    {
        for (byte seed = 1; ; seed++)
        {
            var key = Enumerable.Repeat(seed, 32).ToArray();
            try
            {
                RsaPad.Encrypt(data, TelegramKey, new ScriptedRandom(padding, key));
                return key;
            }
            catch (InvalidOperationException)
            {
                // The script ran dry: this key needed a second attempt.
            }
        }
    }
}
