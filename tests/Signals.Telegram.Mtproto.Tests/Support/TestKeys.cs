using Signals.Telegram.Crypto;

namespace Signals.Telegram.Mtproto.Tests.Support;

/// <summary>One RSA key pair per test run: generating 2048-bit keys is slow enough to share.</summary>
internal static class TestKeys
{
    private static readonly Lazy<RsaPrivateKey> LazyServerKey = new(() => RsaPrivateKey.Generate());

    public static RsaPrivateKey ServerKey => LazyServerKey.Value;
}
