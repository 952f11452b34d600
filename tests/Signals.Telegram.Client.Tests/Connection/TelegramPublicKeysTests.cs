using Signals.Telegram.Client.Connection;

namespace Signals.Telegram.Client.Tests.Connection;

public sealed class TelegramPublicKeysTests
{
    [Fact]
    public void The_built_in_keys_have_the_fingerprints_telegram_publishes()
    {
        Assert.Equal(TelegramPublicKeys.ProductionFingerprint, TelegramPublicKeys.Production.Fingerprint);
        Assert.Equal(TelegramPublicKeys.TestFingerprint, TelegramPublicKeys.Test.Fingerprint);
        Assert.Equal(TelegramPublicKeys.Production, Assert.Single(MtprotoConnectorOptions.Production(1, "hash").ServerKeys));
        Assert.Contains(MtprotoConnectorOptions.TestServers(1, "hash").DataCenters, dc => dc is { Id: 2, Host: "149.154.167.40", Port: 443 });
        Assert.DoesNotContain("s3cr3t", MtprotoConnectorOptions.Production(1, "s3cr3t-api-hash").ToString(), StringComparison.Ordinal);
    }
}
