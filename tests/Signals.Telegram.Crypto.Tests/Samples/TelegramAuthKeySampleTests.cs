using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using Signals.Telegram.Crypto.Tests.Support;
using static Signals.Telegram.Crypto.Tests.Samples.AuthKeySample;

namespace Signals.Telegram.Crypto.Tests.Samples;

/// <summary>Reproduces each step of Telegram's published key exchange (see <see cref="AuthKeySample"/>).</summary>
public sealed class TelegramAuthKeySampleTests
{
    [Fact]
    public void Pq_from_the_sample_factors_into_the_published_p_and_q()
    {
        Assert.True(PqFactorizer.TryFactorize(Hex.Bytes(Pq), out var p, out var q));
        Assert.Equal(P, p);
        Assert.Equal(Q, q);
        Assert.Equal(PqValue, p * q);
    }

    [Fact]
    public void Telegram_public_key_has_the_fingerprint_the_sample_chooses()
    {
        var key = new RsaPublicKey(BigInteger.Parse(TelegramRsaModulusDecimal, CultureInfo.InvariantCulture), 65537);
        var wire = new byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(wire, key.Fingerprint);
        Assert.Equal(Fingerprint, Hex.Of(wire));
        Assert.Equal(-3414540481677951611, key.Fingerprint);
    }

    [Fact]
    public void Sample_rsa_encrypted_data_is_a_valid_block_for_the_telegram_key()
    {
        // The temp_key is not published, so the ciphertext cannot be recomputed; it must at least be a residue of n.
        var modulus = BigInteger.Parse(TelegramRsaModulusDecimal, CultureInfo.InvariantCulture);
        var encrypted = Hex.Bytes(RsaEncryptedData);
        Assert.Equal(RsaPad.BlockLength, encrypted.Length);
        Assert.True(BigEndian.ToBigInteger(encrypted) < modulus);
    }

    [Fact]
    public void Rsa_pad_of_the_sample_data_and_padding_round_trips_through_the_server_side()
    {
        var data = Hex.Bytes(PqInnerData);
        var padding = Hex.Bytes(RsaRandomPadding);
        Assert.Equal(RsaPad.PaddedDataLength, data.Length + padding.Length);

        var server = RsaPrivateKey.Generate();
        // The page does not publish its temp_key; any fixed keys do (several, as a block >= n means a retry).
        var tempKeys = Enumerable.Range(0, 32).Select(i => SHA256.HashData([.. data, (byte)i])).ToArray();
        var encrypted = RsaPad.Encrypt(data, server.PublicKey, new ScriptedRandom([padding, .. tempKeys]));

        var recovered = RsaPad.Decrypt(encrypted, server);
        Assert.Equal(PqInnerData + RsaRandomPadding, Hex.Of(recovered));
    }

    [Fact]
    public void Tmp_aes_key_and_iv_follow_from_the_nonces()
    {
        var key = new byte[32];
        var iv = new byte[32];
        HandshakeCrypto.DeriveTempAesKeyIv(Hex.Bytes(ServerNonce), Hex.Bytes(NewNonce), key, iv);
        Assert.Equal(TmpAesKey, Hex.Of(key));
        Assert.Equal(TmpAesIv, Hex.Of(iv));
    }

    [Fact]
    public void Encrypted_answer_decrypts_to_the_published_answer_with_hash()
    {
        var plain = AesIge.Decrypt(Hex.Bytes(TmpAesKey), Hex.Bytes(TmpAesIv), Hex.Bytes(EncryptedAnswer));
        Assert.Equal(AnswerWithHash, Hex.Of(plain));
    }

    [Fact]
    public void Encrypted_answer_yields_server_DH_inner_data_by_its_hash()
    {
        Assert.True(HandshakeCrypto.TryDecryptWithHash(Hex.Bytes(EncryptedAnswer), Hex.Bytes(TmpAesKey), Hex.Bytes(TmpAesIv), out var answer));
        Assert.Equal(Answer, Hex.Of(answer));
    }

    [Fact]
    public void Server_side_encryption_of_the_answer_gives_the_published_ciphertext()
    {
        var padding = Hex.Bytes(AnswerWithHash)[(20 + (Answer.Length / 2))..];
        var encrypted = HandshakeCrypto.EncryptWithHash(Hex.Bytes(Answer), padding, Hex.Bytes(TmpAesKey), Hex.Bytes(TmpAesIv));
        Assert.Equal(EncryptedAnswer, Hex.Of(encrypted));
    }

    [Fact]
    public void Sample_dh_prime_and_g_pass_every_check_including_full_primality()
    {
        var prime = Hex.Bytes(DhPrime);
        Assert.True(DhChecks.IsKnownTelegramPrime(prime));
        Assert.Null(DhChecks.Validate(prime, G));
        Assert.True(DhChecks.IsSafePrime(BigEndian.ToBigInteger(prime), rounds: 8));
        var p = BigEndian.ToBigInteger(prime);
        Assert.True(DhChecks.IsGoodPublicValue(BigEndian.ToBigInteger(Hex.Bytes(GA)), p));
        Assert.True(DhChecks.IsGoodPublicValue(BigEndian.ToBigInteger(Hex.Bytes(GB)), p));
    }

    [Fact]
    public void G_b_is_g_to_the_published_b()
    {
        var p = BigEndian.ToBigInteger(Hex.Bytes(DhPrime));
        var gb = BigInteger.ModPow(G, BigEndian.ToBigInteger(Hex.Bytes(B)), p);
        Assert.Equal(GB, Hex.Of(BigEndian.ToFixedBytes(gb, 256)));
    }

    [Fact]
    public void Auth_key_is_g_a_to_the_b()
    {
        var p = BigEndian.ToBigInteger(Hex.Bytes(DhPrime));
        var gab = BigInteger.ModPow(BigEndian.ToBigInteger(Hex.Bytes(GA)), BigEndian.ToBigInteger(Hex.Bytes(B)), p);
        var key = AuthKey.FromSharedSecret(gab);
        Assert.Equal(AuthKeySample.AuthKey, Hex.Of(key.Key));
    }

    [Fact]
    public void Auth_key_id_and_aux_hash_are_the_low_and_high_halves_of_its_sha1()
    {
        var key = new AuthKey(Hex.Bytes(AuthKeySample.AuthKey));
        var sha1 = SHA1.HashData(Hex.Bytes(AuthKeySample.AuthKey));
        Assert.Equal(BinaryPrimitives.ReadInt64LittleEndian(sha1.AsSpan(12)), key.Id);
        Assert.Equal(BinaryPrimitives.ReadInt64LittleEndian(sha1), key.AuxHash);
    }

    [Fact]
    public void New_nonce_hash1_matches_dh_gen_ok()
    {
        var key = new AuthKey(Hex.Bytes(AuthKeySample.AuthKey));
        var hash = HandshakeCrypto.ComputeNewNonceHash(Hex.Bytes(NewNonce), 1, key.AuxHash);
        Assert.Equal(NewNonceHash1, Hex.Of(hash));
        Assert.NotEqual(NewNonceHash1, Hex.Of(HandshakeCrypto.ComputeNewNonceHash(Hex.Bytes(NewNonce), 2, key.AuxHash)));
    }

    [Fact]
    public void Client_DH_inner_data_encrypts_to_the_published_set_client_DH_params_payload()
    {
        var encrypted = HandshakeCrypto.EncryptWithHash(
            Hex.Bytes(ClientDhInnerData), Hex.Bytes(ClientDhPadding), Hex.Bytes(TmpAesKey), Hex.Bytes(TmpAesIv));
        Assert.Equal(ClientDhEncryptedData, Hex.Of(encrypted));
    }

    [Fact]
    public void Server_recovers_client_DH_inner_data_from_the_published_payload()
    {
        Assert.True(HandshakeCrypto.TryDecryptWithHash(Hex.Bytes(ClientDhEncryptedData), Hex.Bytes(TmpAesKey), Hex.Bytes(TmpAesIv), out var data));
        Assert.Equal(ClientDhInnerData, Hex.Of(data));
    }

    [Fact]
    public void Server_salt_is_the_xor_of_the_nonce_prefixes()
    {
        var salt = HandshakeCrypto.ComputeServerSalt(Hex.Bytes(NewNonce), Hex.Bytes(ServerNonce));
        var expected = BinaryPrimitives.ReadInt64LittleEndian(Hex.Bytes(NewNonce)) ^ BinaryPrimitives.ReadInt64LittleEndian(Hex.Bytes(ServerNonce));
        Assert.Equal(expected, salt);
        Assert.Equal(unchecked((long)0xFEA726F0FFB22F52), salt);
    }

    [Fact]
    public void Both_aes_paths_agree_on_the_sample()
    {
        try
        {
            AesNiIge.ForcePlatformPath = true;
            var plain = AesIge.Decrypt(Hex.Bytes(TmpAesKey), Hex.Bytes(TmpAesIv), Hex.Bytes(EncryptedAnswer));
            Assert.Equal(AnswerWithHash, Hex.Of(plain));
            var encrypted = AesIge.Encrypt(Hex.Bytes(TmpAesKey), Hex.Bytes(TmpAesIv), plain);
            Assert.Equal(EncryptedAnswer, Hex.Of(encrypted));
        }
        finally
        {
            AesNiIge.ForcePlatformPath = false;
        }
    }
}
