using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using Signals.Telegram.Crypto.Tests.Samples;
using Signals.Telegram.Crypto.Tests.Support;

namespace Signals.Telegram.Crypto.Tests.Oracle;

/// <summary>Seeded random inputs through our code and through GramJS; the bytes must be identical.</summary>
public sealed class GramJsCryptoOracleTests
{
    [Fact]
    public void Aes_ige_matches_gramjs_in_both_directions()
    {
        var random = new Random(1001);
        var inputs = Enumerable.Range(0, 120).Select(i => (
            Key: Bytes(random, 32), Iv: Bytes(random, 32), Data: Bytes(random, 16 * random.Next(1, 260)), Decrypt: i % 2 == 1)).ToList();

        var results = GramJsOracle.Run(inputs.Select(c => new JsonObject
        {
            ["op"] = "ige", ["key"] = Hex.Of(c.Key), ["iv"] = Hex.Of(c.Iv), ["data"] = Hex.Of(c.Data), ["decrypt"] = c.Decrypt,
        }));

        for (var i = 0; i < inputs.Count; i++)
        {
            var (key, iv, data, decrypt) = inputs[i];
            var ours = decrypt ? AesIge.Decrypt(key, iv, data) : AesIge.Encrypt(key, iv, data);
            Assert.Equal(Str(results[i], "output"), Hex.Of(ours));
        }
    }

    [Fact]
    public void Message_aes_key_and_iv_match_gramjs_calc_key_for_both_directions()
    {
        var random = new Random(1002);
        var inputs = Enumerable.Range(0, 200).Select(i => (AuthKey: Bytes(random, 256), MsgKey: Bytes(random, 16), Client: i % 2 == 0)).ToList();

        var results = GramJsOracle.Run(inputs.Select(c => new JsonObject
        {
            ["op"] = "calcKey", ["authKey"] = Hex.Of(c.AuthKey), ["msgKey"] = Hex.Of(c.MsgKey), ["client"] = c.Client,
        }));

        for (var i = 0; i < inputs.Count; i++)
        {
            var (authKey, msgKey, client) = inputs[i];
            var key = new byte[32];
            var iv = new byte[32];
            MtprotoKdf.DeriveAesKeyIv(authKey, client ? MessageDirection.ClientToServer : MessageDirection.ServerToClient, msgKey, key, iv);
            Assert.Equal(Str(results[i], "key"), Hex.Of(key));
            Assert.Equal(Str(results[i], "iv"), Hex.Of(iv));
        }
    }

    [Fact]
    public void Auth_key_id_aux_hash_and_new_nonce_hashes_match_gramjs()
    {
        var random = new Random(1003);
        var inputs = Enumerable.Range(0, 100).Select(_ => (AuthKey: Bytes(random, 256), NewNonce: Bytes(random, 32))).ToList();

        var results = GramJsOracle.Run(inputs.Select(c => new JsonObject
        {
            ["op"] = "authKey", ["authKey"] = Hex.Of(c.AuthKey), ["newNonce"] = Hex.Of(c.NewNonce),
        }));

        for (var i = 0; i < inputs.Count; i++)
        {
            var key = new AuthKey(inputs[i].AuthKey);
            Assert.Equal(Long(Str(results[i], "keyId")), key.Id);
            Assert.Equal(Long(Str(results[i], "auxHash")), key.AuxHash);
            var hashes = results[i]["newNonceHashes"]!.AsArray().Select(h => h!.GetValue<string>()).ToList();
            for (var n = 1; n <= 3; n++)
            {
                Assert.Equal(hashes[n - 1], Hex.Of(HandshakeCrypto.ComputeNewNonceHash(inputs[i].NewNonce, n, key.AuxHash)));
            }
        }
    }

    [Fact]
    public void Tmp_aes_key_and_iv_match_gramjs()
    {
        var random = new Random(1004);
        var inputs = Enumerable.Range(0, 100).Select(_ => (ServerNonce: Bytes(random, 16), NewNonce: Bytes(random, 32))).ToList();

        var results = GramJsOracle.Run(inputs.Select(c => new JsonObject
        {
            ["op"] = "tmpAesKey", ["serverNonce"] = Hex.Of(c.ServerNonce), ["newNonce"] = Hex.Of(c.NewNonce),
        }));

        for (var i = 0; i < inputs.Count; i++)
        {
            var key = new byte[32];
            var iv = new byte[32];
            HandshakeCrypto.DeriveTempAesKeyIv(inputs[i].ServerNonce, inputs[i].NewNonce, key, iv);
            Assert.Equal(Str(results[i], "key"), Hex.Of(key));
            Assert.Equal(Str(results[i], "iv"), Hex.Of(iv));
        }
    }

    [Fact]
    public void Pq_factorisation_matches_gramjs()
    {
        var random = new Random(1005);
        var inputs = Enumerable.Range(0, 24).Select(_ =>
        {
            var p = TestPrimes.NextPrime((ulong)random.NextInt64(1L << 20, 1L << 31));
            var q = TestPrimes.NextPrime((ulong)random.NextInt64(1L << 20, 1L << 31));
            return p * q;
        }).ToList();

        var results = GramJsOracle.Run(inputs.Select(pq => new JsonObject { ["op"] = "factorize", ["pq"] = pq.ToString(CultureInfo.InvariantCulture) }));

        for (var i = 0; i < inputs.Count; i++)
        {
            Assert.True(PqFactorizer.TryFactorize(inputs[i], out var p, out var q));
            Assert.Equal(ulong.Parse(Str(results[i], "p"), CultureInfo.InvariantCulture), p);
            Assert.Equal(ulong.Parse(Str(results[i], "q"), CultureInfo.InvariantCulture), q);
        }
    }

    [Fact]
    public void Client_messages_are_byte_identical_to_gramjs_encrypt_message_data()
    {
        var random = new Random(1006);
        var inputs = Enumerable.Range(0, 100).Select(_ =>
        {
            var body = Bytes(random, 4 * random.Next(0, 600));
            var padding = Bytes(random, MessageCipher.GetPaddingLength(body.Length));
            var header = new MessageHeader(random.NextInt64(long.MinValue, long.MaxValue), random.NextInt64(1, long.MaxValue),
                random.NextInt64(1, long.MaxValue) & ~3L, random.Next(0, int.MaxValue));
            return (Key: new AuthKey(Bytes(random, 256)), Header: header, Body: body, Padding: padding);
        }).ToList();

        var results = GramJsOracle.Run(inputs.Select(c => new JsonObject
        {
            ["op"] = "encryptMessage",
            ["authKey"] = Hex.Of(c.Key.Key),
            ["salt"] = c.Header.Salt.ToString(CultureInfo.InvariantCulture),
            ["sessionId"] = c.Header.SessionId.ToString(CultureInfo.InvariantCulture),
            ["msgId"] = c.Header.MessageId.ToString(CultureInfo.InvariantCulture),
            ["seqNo"] = c.Header.SeqNo,
            ["body"] = Hex.Of(c.Body),
            ["random"] = Hex.Of(c.Padding),
        }));

        for (var i = 0; i < inputs.Count; i++)
        {
            var (key, header, body, padding) = inputs[i];
            Assert.Equal(0, results[i]["randomLeft"]!.GetValue<int>()); // GramJS chose the same padding length
            var ours = new byte[MessageCipher.GetMessageLength(body.Length, padding.Length)];
            MessageCipher.Encrypt(key, MessageDirection.ClientToServer, header, body, padding, ours);
            var theirs = Hex.Bytes(Str(results[i], "message"));
            Assert.Equal(Hex.Of(theirs), Hex.Of(ours));

            var decrypted = MessageCipher.Decrypt(key, MessageDirection.ClientToServer, theirs);
            Assert.Equal(header, decrypted.Header);
            Assert.Equal(body, decrypted.Body);
        }
    }

    [Fact]
    public void Gramjs_decrypts_our_server_messages_and_reads_the_object_inside()
    {
        var random = new Random(1007);
        var inputs = Enumerable.Range(0, 60).Select(_ =>
        {
            var key = new AuthKey(Bytes(random, 256));
            var header = new MessageHeader(random.NextInt64(), random.NextInt64(1, long.MaxValue), (random.NextInt64(1, long.MaxValue) & ~3L) | 1, random.Next(0, 1000) * 2);
            var pongMsgId = random.NextInt64(1, long.MaxValue);
            var pingId = random.NextInt64(long.MinValue, long.MaxValue);
            var body = new byte[20];
            BinaryPrimitives.WriteUInt32LittleEndian(body, 0x347773c5); // pong#347773c5 msg_id:long ping_id:long
            BinaryPrimitives.WriteInt64LittleEndian(body.AsSpan(4), pongMsgId);
            BinaryPrimitives.WriteInt64LittleEndian(body.AsSpan(12), pingId);
            var message = MessageCipher.Encrypt(key, MessageDirection.ServerToClient, header, body, extraPaddingBlocks: random.Next(0, 8));
            return (Key: key, Header: header, Message: message, PongMsgId: pongMsgId, PingId: pingId);
        }).ToList();

        // The last case carries the client direction: GramJS must refuse it, proving the direction matters.
        var wrong = inputs[^1];
        var wrongMessage = MessageCipher.Encrypt(wrong.Key, MessageDirection.ClientToServer, wrong.Header, new byte[20]);

        var cases = inputs.Select(c => new JsonObject { ["op"] = "decryptMessage", ["authKey"] = Hex.Of(c.Key.Key), ["message"] = Hex.Of(c.Message) })
            .Append(new JsonObject { ["op"] = "decryptMessage", ["authKey"] = Hex.Of(wrong.Key.Key), ["message"] = Hex.Of(wrongMessage) });
        var results = GramJsOracle.Run(cases);

        for (var i = 0; i < inputs.Count; i++)
        {
            Assert.True(results[i]["ok"]!.GetValue<bool>(), results[i].ToJsonString());
            Assert.Equal(inputs[i].Header.MessageId.ToString(CultureInfo.InvariantCulture), Str(results[i], "msgId"));
            Assert.Equal(inputs[i].Header.SeqNo, results[i]["seqNo"]!.GetValue<int>());
            Assert.Equal("Pong", Str(results[i], "className"));
            Assert.Equal(inputs[i].PongMsgId.ToString(CultureInfo.InvariantCulture), Str(results[i], "pongMsgId"));
            Assert.Equal(inputs[i].PingId.ToString(CultureInfo.InvariantCulture), Str(results[i], "pingId"));
        }

        Assert.False(results[^1]["ok"]!.GetValue<bool>());
        Assert.Equal("SecurityError", Str(results[^1], "error"));
    }

    [Fact]
    public void Rsa_pad_is_byte_identical_to_gramjs_authenticator_and_our_server_undoes_it()
    {
        var server = RsaPrivateKey.Generate();
        var random = new Random(1008);
        var inputs = Enumerable.Range(0, 8).Select(_ =>
        {
            var p = TestPrimes.NextPrime((ulong)random.NextInt64(1L << 30, 1L << 31));
            var q = TestPrimes.NextPrime((ulong)random.NextInt64(1L << 30, 1L << 31));
            var pq = new byte[8];
            BinaryPrimitives.WriteUInt64BigEndian(pq, p * q);
            // nonce (16), new_nonce (32), padding (192 - 96), then temp keys for as many retries as needed.
            return (Pq: pq, ServerNonce: Bytes(random, 16), Script: Bytes(random, 16 + 32 + 96 + (32 * 40)));
        }).ToList();

        var results = GramJsOracle.Run(inputs.Select(c => new JsonObject
        {
            ["op"] = "rsaPad",
            ["fingerprint"] = server.PublicKey.Fingerprint.ToString(CultureInfo.InvariantCulture),
            ["modulus"] = server.PublicKey.Modulus.ToString(CultureInfo.InvariantCulture),
            ["exponent"] = (int)server.PublicKey.Exponent,
            ["serverNonce"] = Hex.Of(c.ServerNonce),
            ["pq"] = Hex.Of(c.Pq),
            ["random"] = Hex.Of(c.Script),
        }));

        for (var i = 0; i < inputs.Count; i++)
        {
            Assert.True(PqFactorizer.TryFactorize(inputs[i].Pq, out var p, out var q));
            Assert.Equal(Hex.Of(BigEndian.ToBytes(p)), Str(results[i], "p"));
            Assert.Equal(Hex.Of(BigEndian.ToBytes(q)), Str(results[i], "q"));

            var innerData = Hex.Bytes(Str(results[i], "innerData"));
            Assert.Equal(96, innerData.Length);
            var script = new ScriptedRandom(inputs[i].Script[48..]);
            var ours = RsaPad.Encrypt(innerData, server.PublicKey, script);
            Assert.Equal(Str(results[i], "encryptedData"), Hex.Of(ours));
            Assert.Equal(results[i]["randomLeft"]!.GetValue<int>(), script.Remaining); // same number of retries

            var recovered = RsaPad.Decrypt(Hex.Bytes(Str(results[i], "encryptedData")), server);
            Assert.Equal(Hex.Of(innerData), Hex.Of(recovered.AsSpan(0, innerData.Length)));
        }
    }

    [Fact]
    public void Srp_proof_matches_gramjs_compute_check_and_our_server_accepts_it()
    {
        var random = new Random(1009);
        var prime = DhChecks.KnownTelegramPrime.ToArray();
        var inputs = Enumerable.Range(0, 3).Select(i =>
        {
            var algorithm = new SrpAlgorithm(Bytes(random, 8 + i), Bytes(random, 16), 3, prime);
            var password = $"correct horse {i} ✓";
            var verifier = SrpPassword.ComputeVerifier(algorithm, SrpPassword.ComputeHash(algorithm, password));
            var server = SrpServer.Create(algorithm, verifier, Bytes(random, 256));
            return (Algorithm: algorithm, Password: password, Server: server, SecretA: Bytes(random, 256));
        }).ToList();

        var results = GramJsOracle.Run(inputs.Select(c => new JsonObject
        {
            ["op"] = "srp",
            ["salt1"] = Hex.Of(c.Algorithm.Salt1),
            ["salt2"] = Hex.Of(c.Algorithm.Salt2),
            ["g"] = c.Algorithm.G,
            ["p"] = Hex.Of(c.Algorithm.P),
            ["srpB"] = Hex.Of(c.Server.SrpB),
            ["password"] = c.Password,
            ["random"] = Hex.Of(c.SecretA),
        }));

        for (var i = 0; i < inputs.Count; i++)
        {
            var (algorithm, password, server, secretA) = inputs[i];
            var proof = SrpClient.ComputeProof(algorithm, SrpPassword.ComputeHash(algorithm, password), server.SrpB, secretA);
            Assert.Equal(Str(results[i], "a"), Hex.Of(proof.A));
            Assert.Equal(Str(results[i], "m1"), Hex.Of(proof.M1));
            Assert.True(server.VerifyProof(Hex.Bytes(Str(results[i], "a")), Hex.Bytes(Str(results[i], "m1"))));
        }
    }

    [Fact]
    public void Gramjs_factorises_the_published_sample_pq_like_we_do()
    {
        var results = GramJsOracle.Run([new JsonObject { ["op"] = "factorize", ["pq"] = AuthKeySample.PqValue.ToString(CultureInfo.InvariantCulture) }]);
        Assert.Equal(AuthKeySample.P.ToString(CultureInfo.InvariantCulture), Str(results[0], "p"));
        Assert.Equal(AuthKeySample.Q.ToString(CultureInfo.InvariantCulture), Str(results[0], "q"));
    }

    internal static byte[] Bytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>GramJS prints 64-bit values signed or unsigned depending on the call; both mean the same 8 bytes.</summary>
    internal static long Long(string text) =>
        unchecked((long)(ulong)(BigInteger.Parse(text, CultureInfo.InvariantCulture) & ulong.MaxValue));

    internal static string Str(JsonObject result, string name) => result[name]!.GetValue<string>();
}
