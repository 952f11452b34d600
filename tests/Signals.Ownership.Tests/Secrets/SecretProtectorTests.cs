using System.Text;

namespace Signals.Ownership.Tests.Secrets;

public sealed class SecretProtectorTests
{
    private const string Purpose = "session-blob";
    private static readonly byte[] Plaintext = Encoding.ASCII.GetBytes("auth_key=0123456789abcdef0123456789abcdef;phone=+15550001234;2fa-hint=grandma's dog");
    private readonly string _key1 = TestKeys.NewKey();
    private readonly string _key2 = TestKeys.NewKey();

    [Fact]
    public void Protected_bytes_round_trip_with_the_same_purpose()
    {
        var protector = Protector("k1", ("k1", _key1));

        var sealedBytes = protector.Protect(Plaintext, Purpose);

        Assert.Equal(Plaintext, protector.Unprotect(sealedBytes, Purpose));
        Assert.True(SecretProtector.IsProtected(sealedBytes));
        Assert.True(SecretProtector.TryGetKeyId(sealedBytes, out var keyId));
        Assert.Equal("k1", keyId);
        Assert.Equal("+15550001234", protector.UnprotectText(protector.ProtectText("+15550001234", "phone"), "phone"));
        Assert.Empty(protector.Unprotect(protector.Protect([], Purpose), Purpose));
    }

    [Fact]
    public void The_layout_is_magic_version_key_id_nonce_tag_ciphertext()
    {
        var protector = Protector("key-2025", ("key-2025", _key1));

        var sealedBytes = protector.Protect(Plaintext, Purpose);

        Assert.Equal("SGE"u8.ToArray(), sealedBytes[..3]);
        Assert.Equal(1, sealedBytes[3]);
        Assert.Equal(8, sealedBytes[4]);
        Assert.Equal("key-2025"u8.ToArray(), sealedBytes[5..13]);
        Assert.Equal(13 + 12 + 16 + Plaintext.Length, sealedBytes.Length);
    }

    [Fact]
    public void Ciphertext_contains_no_run_of_plaintext_bytes_and_never_repeats()
    {
        var protector = Protector("k1", ("k1", _key1));

        var first = protector.Protect(Plaintext, Purpose);
        var second = protector.Protect(Plaintext, Purpose);

        Assert.NotEqual(first, second);
        for (var i = 0; i + 6 <= Plaintext.Length; i++)
        {
            Assert.Equal(-1, first.AsSpan().IndexOf(Plaintext.AsSpan(i, 6)));
        }
    }

    [Fact]
    public void Any_altered_byte_is_detected()
    {
        var protector = Protector("k1", ("k1", _key1));
        var sealedBytes = protector.Protect(Plaintext, Purpose);

        for (var i = 0; i < sealedBytes.Length; i++)
        {
            var tampered = (byte[])sealedBytes.Clone();
            tampered[i] ^= 0x01;
            Assert.ThrowsAny<SecretProtectionException>(() => protector.Unprotect(tampered, Purpose));
        }

        var truncated = sealedBytes[..^1];
        Assert.Throws<SecretAuthenticationException>(() => protector.Unprotect(truncated, Purpose));
    }

    [Fact]
    public void A_different_purpose_fails_authentication_and_the_message_names_the_key()
    {
        var protector = Protector("k1", ("k1", _key1));
        var sealedBytes = protector.Protect(Plaintext, "session-blob");

        var error = Assert.Throws<SecretAuthenticationException>(() => protector.Unprotect(sealedBytes, "bot-token"));

        Assert.Equal("k1", error.KeyId);
        Assert.Equal("Signals:Secrets:Keys:k1", error.ConfigurationKey);
        Assert.Contains("Signals:Secrets:Keys:k1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Data_under_an_unconfigured_key_id_is_refused_naming_the_key_to_configure()
    {
        var old = Protector("old", ("old", _key1)).Protect(Plaintext, Purpose);
        var protector = Protector("new", ("new", _key2));

        var error = Assert.Throws<SecretKeyNotFoundException>(() => protector.Unprotect(old, Purpose));

        Assert.Equal("old", error.KeyId);
        Assert.Contains("Signals:Secrets:Keys:old", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_key_under_the_right_id_fails_authentication()
    {
        var sealedBytes = Protector("k1", ("k1", _key1)).Protect(Plaintext, Purpose);

        var error = Assert.Throws<SecretAuthenticationException>(() => Protector("k1", ("k1", _key2)).Unprotect(sealedBytes, Purpose));

        Assert.Equal("k1", error.KeyId);
    }

    [Fact]
    public void Plaintext_is_not_mistaken_for_protected_data()
    {
        var protector = Protector("k1", ("k1", _key1));

        Assert.False(SecretProtector.IsProtected(Plaintext));
        Assert.False(SecretProtector.IsProtected([]));
        Assert.False(SecretProtector.IsProtected("SGE"u8));
        Assert.False(SecretProtector.TryGetKeyId(Plaintext, out _));
        Assert.Throws<SecretFormatException>(() => protector.Unprotect(Plaintext, Purpose));
    }

    [Fact]
    public void Rotation_reads_old_data_with_both_keys_and_rewrites_it_under_the_new_one()
    {
        var before = Protector("k1", ("k1", _key1)).Protect(Plaintext, Purpose);
        var during = Protector("k2", ("k1", _key1), ("k2", _key2));

        Assert.Equal(Plaintext, during.Unprotect(before, Purpose));
        Assert.False(during.IsUnderActiveKey(before));
        var rotated = during.Reprotect(before, Purpose);
        Assert.True(during.IsUnderActiveKey(rotated));

        var after = Protector("k2", ("k2", _key2));
        Assert.Equal(Plaintext, after.Unprotect(rotated, Purpose));
        Assert.Throws<SecretKeyNotFoundException>(() => after.Unprotect(before, Purpose));
    }

    [Fact]
    public void No_failure_message_contains_the_plaintext_or_a_key()
    {
        var protector = Protector("k1", ("k1", _key1));
        var sealedBytes = protector.Protect(Plaintext, Purpose);
        var tampered = (byte[])sealedBytes.Clone();
        tampered[^1] ^= 0xFF;
        var failures = new Action[]
        {
            () => protector.Unprotect(sealedBytes, "other"),
            () => protector.Unprotect(tampered, Purpose),
            () => protector.Unprotect(Plaintext, Purpose),
            () => Protector("k2", ("k2", _key2)).Unprotect(sealedBytes, Purpose),
            () => Protector("k1", ("k1", _key2)).Unprotect(sealedBytes, Purpose),
        };

        var text = Encoding.ASCII.GetString(Plaintext);
        foreach (var failure in failures)
        {
            var error = Assert.ThrowsAny<SecretProtectionException>(failure);
            var everything = error.ToString();
            Assert.DoesNotContain("0123456789abcdef", everything, StringComparison.Ordinal);
            Assert.DoesNotContain("+15550001234", everything, StringComparison.Ordinal);
            Assert.DoesNotContain(text, everything, StringComparison.Ordinal);
            Assert.DoesNotContain(_key1, everything, StringComparison.Ordinal);
            Assert.DoesNotContain(_key2, everything, StringComparison.Ordinal);
        }
    }

    private static SecretProtector Protector(string active, params (string Id, string Key)[] keys) => new(TestKeys.Options(active, keys));
}
