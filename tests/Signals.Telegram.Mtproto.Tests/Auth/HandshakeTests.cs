using System.Numerics;
using Signals.Telegram.Crypto;
using Signals.Telegram.Mtproto.Auth;
using Signals.Telegram.Mtproto.Tests.Support;
using Signals.Telegram.Tl;
using Signals.Telegram.Tl.Mtproto;

namespace Signals.Telegram.Mtproto.Tests.Auth;

public sealed class HandshakeTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(1_750_000_000);

    [Fact]
    public void Client_and_server_agree_on_key_and_salt()
    {
        var server = new ServerHandshake(TestKeys.ServerKey, new ManualTime(Start));
        var client = new ClientHandshake([TestKeys.ServerKey.PublicKey], dcId: 2, new ManualTime(Start));

        var (clientResult, serverResult) = Handshakes.Run(client, server);

        Assert.Equal(serverResult.AuthKey, clientResult.AuthKey);
        Assert.Equal(serverResult.ServerSalt, clientResult.ServerSalt);
        Assert.NotEqual(0, clientResult.AuthKey.Id);
    }

    [Fact]
    public void Client_learns_how_far_the_server_clock_is_ahead()
    {
        var server = new ServerHandshake(TestKeys.ServerKey, new ManualTime(Start.AddSeconds(600)));
        var client = new ClientHandshake([TestKeys.ServerKey.PublicKey], dcId: 2, new ManualTime(Start));

        var (clientResult, _) = Handshakes.Run(client, server);

        Assert.Equal(600, clientResult.TimeOffsetSeconds);
    }

    [Fact]
    public void Dh_gen_retry_makes_a_new_key_with_the_previous_aux_hash_as_retry_id()
    {
        var server = new ServerHandshake(TestKeys.ServerKey, forcedRetries: 2);
        var client = new ClientHandshake([TestKeys.ServerKey.PublicKey], dcId: 2);

        var (clientResult, serverResult) = Handshakes.Run(client, server);

        Assert.Equal(serverResult.AuthKey, clientResult.AuthKey);
    }

    [Fact]
    public void Client_gives_up_after_too_many_retries()
    {
        var server = new ServerHandshake(TestKeys.ServerKey, forcedRetries: 3);
        var client = new ClientHandshake([TestKeys.ServerKey.PublicKey], dcId: 2) { MaxRetries = 2 };

        Assert.Throws<HandshakeException>(() => Handshakes.Run(client, server));
    }

    [Fact]
    public void Client_refuses_a_server_without_a_known_rsa_key()
    {
        var other = RsaPrivateKey.Generate();
        var server = new ServerHandshake(TestKeys.ServerKey);
        var client = new ClientHandshake([other.PublicKey], dcId: 2);

        var resPq = server.Handle(client.Start()).Reply!;

        Assert.Throws<HandshakeException>(() => client.Handle(resPq));
    }

    [Fact]
    public void Client_refuses_a_resPQ_with_a_foreign_nonce()
    {
        var client = new ClientHandshake([TestKeys.ServerKey.PublicKey], dcId: 2);
        client.Start();
        var forged = new ResPQ
        {
            Nonce = new byte[16],
            ServerNonce = new byte[16],
            Pq = BigEndian.ToBytes(new BigInteger(1_000_000_007UL * 998_244_353UL)),
            ServerPublicKeyFingerprints = [TestKeys.ServerKey.PublicKey.Fingerprint],
        };

        Assert.Throws<HandshakeException>(() => client.Handle(forged.ToBytes()));
    }

    [Fact]
    public void Server_refuses_wrong_factors()
    {
        var server = new ServerHandshake(TestKeys.ServerKey);
        var client = new ClientHandshake([TestKeys.ServerKey.PublicKey], dcId: 2);
        var request = (ReqDHParams)TlRegistry.ReadObject(client.Handle(server.Handle(client.Start()).Reply!).Reply!);
        request.P = [1, 2, 3, 5];

        Assert.Throws<HandshakeException>(() => server.Handle(request.ToBytes()));
    }

    [Fact]
    public void Server_refuses_requests_out_of_order()
    {
        var server = new ServerHandshake(TestKeys.ServerKey);
        var outOfOrder = new SetClientDHParams { Nonce = new byte[16], ServerNonce = new byte[16], EncryptedData = new byte[32] };

        Assert.Throws<HandshakeException>(() => server.Handle(outOfOrder.ToBytes()));
        Assert.Throws<HandshakeException>(() => server.Handle([1, 2, 3, 4]));
    }

    [Fact]
    public void Server_refuses_tampered_client_DH_params()
    {
        var server = new ServerHandshake(TestKeys.ServerKey);
        var client = new ClientHandshake([TestKeys.ServerKey.PublicKey], dcId: 2);
        var setParams = client.Handle(server.Handle(client.Handle(server.Handle(client.Start()).Reply!).Reply!).Reply!).Reply!;
        var tampered = (SetClientDHParams)TlRegistry.ReadObject(setParams);
        tampered.EncryptedData[^1] ^= 0x01;

        Assert.Throws<HandshakeException>(() => server.Handle(tampered.ToBytes()));
    }

    [Fact]
    public void Client_refuses_dh_gen_ok_with_a_wrong_new_nonce_hash()
    {
        var server = new ServerHandshake(TestKeys.ServerKey);
        var client = new ClientHandshake([TestKeys.ServerKey.PublicKey], dcId: 2);
        var setParams = client.Handle(server.Handle(client.Handle(server.Handle(client.Start()).Reply!).Reply!).Reply!).Reply!;
        var ok = (DhGenOk)TlRegistry.ReadObject(server.Handle(setParams).Reply!);
        ok.NewNonceHash1[0] ^= 0xFF;

        Assert.Throws<HandshakeException>(() => client.Handle(ok.ToBytes()));
    }

    [Fact]
    public void Plain_messages_round_trip_and_lying_lengths_are_refused()
    {
        var encoded = PlainMessage.Encode(0x1234_5678_0000_0004, [1, 2, 3, 4]);

        Assert.True(PlainMessage.TryDecode(encoded, out var id, out var body));
        Assert.Equal(0x1234_5678_0000_0004, id);
        Assert.Equal([1, 2, 3, 4], body.ToArray());
        encoded[16] = 9;
        Assert.False(PlainMessage.TryDecode(encoded, out _, out _));
    }
}
