using Signals.Telegram.Crypto.Tests.Support;

namespace Signals.Telegram.Crypto.Tests.Crypto;

public sealed class RsaPadTests
{
    private static readonly RsaPrivateKey Server = RsaPrivateKey.Generate();

    [Fact]
    public void Padded_data_round_trips_and_keys_survive_pem()
    {
        var data = Enumerable.Range(0, 144).Select(i => (byte)i).ToArray();
        var encrypted = RsaPad.Encrypt(data, Server.PublicKey);
        var fromPem = RsaPrivateKey.FromPem(Server.ToPem());
        Assert.Equal(data, RsaPad.Decrypt(encrypted, fromPem)[..144]);
        Assert.Equal(Server.PublicKey.Fingerprint, RsaPublicKey.FromPem(Server.PublicKey.ToPem()).Fingerprint);
    }

    [Fact]
    public void Blocks_for_another_key_or_tampered_blocks_are_refused()
    {
        var encrypted = RsaPad.Encrypt(new byte[100], Server.PublicKey);
        Assert.Throws<RsaPadException>(() => RsaPad.Decrypt(encrypted, RsaPrivateKey.Generate()));
        encrypted[200] ^= 1;
        Assert.Throws<RsaPadException>(() => RsaPad.Decrypt(encrypted, Server));
        Assert.Throws<RsaPadException>(() => RsaPad.Decrypt(new byte[255], Server));
        Assert.Throws<RsaPadException>(() => RsaPad.Decrypt(Enumerable.Repeat((byte)0xFF, 256).ToArray(), Server));
    }

    [Fact]
    public void Data_longer_than_144_bytes_is_an_argument_error() =>
        Assert.Throws<ArgumentException>(() => RsaPad.Encrypt(new byte[145], Server.PublicKey));
}
