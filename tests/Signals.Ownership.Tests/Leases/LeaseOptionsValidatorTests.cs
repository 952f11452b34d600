namespace Signals.Ownership.Tests.Leases;

public sealed class LeaseOptionsValidatorTests
{
    private readonly LeaseOptionsValidator _validator = new();

    [Fact]
    public void The_defaults_are_valid_and_renew_at_a_third_of_the_ttl()
    {
        var options = new LeaseOptions();

        Assert.True(_validator.Validate(null, options).Succeeded);
        Assert.Equal(options.Ttl / 3, options.EffectiveRenewalPeriod);
        Assert.True(options.Ttl + options.SafetyMargin < TimeSpan.FromSeconds(5), "the lease alone must leave room for failover under 5 s");
    }

    [Theory]
    [InlineData(50, null, 0, "Signals:Leases:Ttl")]
    [InlineData(3000, 2000, 0, "Signals:Leases:RenewalPeriod")]
    [InlineData(3000, 0, 0, "Signals:Leases:RenewalPeriod")]
    [InlineData(3000, null, -1, "Signals:Leases:SafetyMargin")]
    [InlineData(3000, null, 4000, "Signals:Leases:SafetyMargin")]
    public void Bad_settings_fail_with_a_message_naming_the_key(int ttlMs, int? renewalMs, int marginMs, string key)
    {
        var options = new LeaseOptions
        {
            Ttl = TimeSpan.FromMilliseconds(ttlMs),
            RenewalPeriod = renewalMs is { } r ? TimeSpan.FromMilliseconds(r) : null,
            SafetyMargin = TimeSpan.FromMilliseconds(marginMs),
        };

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith(key + " ", failure, StringComparison.Ordinal);
    }
}
