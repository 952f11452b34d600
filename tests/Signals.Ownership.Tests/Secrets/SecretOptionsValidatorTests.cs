using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Signals.Ownership.Tests.Secrets;

public sealed class SecretOptionsValidatorTests
{
    private readonly SecretOptionsValidator _validator = new();

    [Fact]
    public void A_missing_active_key_id_is_named()
    {
        var failure = Assert.Single(Failures(new SecretOptions()));

        Assert.StartsWith("Signals:Secrets:ActiveKeyId is required", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void An_active_key_id_without_its_key_names_the_missing_key()
    {
        var failure = Assert.Single(Failures(TestKeys.Options("k2", ("k1", TestKeys.NewKey()))));

        Assert.StartsWith("Signals:Secrets:Keys:k2 is missing", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_base64_and_a_wrong_length_are_named_without_echoing_the_value()
    {
        var shortKey = Convert.ToBase64String(new byte[16]);
        var failures = Failures(TestKeys.Options("a", ("a", "not*base64!"), ("b", shortKey)));

        Assert.Equal(2, failures.Count);
        Assert.Contains(failures, f => f.StartsWith("Signals:Secrets:Keys:a is not valid base64", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Signals:Secrets:Keys:b must decode to 32 bytes", StringComparison.Ordinal) && f.Contains("16", StringComparison.Ordinal));
        Assert.All(failures, f => Assert.DoesNotContain("not*base64!", f, StringComparison.Ordinal));
        Assert.All(failures, f => Assert.DoesNotContain(shortKey, f, StringComparison.Ordinal));
    }

    [Fact]
    public void A_key_id_that_cannot_be_stored_is_refused()
    {
        var failure = Assert.Single(Failures(TestKeys.Options("ok", ("ok", TestKeys.NewKey()), ("has space", TestKeys.NewKey()))));

        Assert.StartsWith("Signals:Secrets:Keys:has space", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void The_protector_refuses_invalid_options_with_the_same_messages()
    {
        var error = Assert.Throws<OptionsValidationException>(() => new SecretProtector(TestKeys.Options("k1")));

        Assert.Contains("Signals:Secrets:Keys:k1 is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_with_a_bad_key_does_not_start_and_says_which_key()
    {
        using var host = Host(new Dictionary<string, string?>
        {
            ["Signals:Secrets:ActiveKeyId"] = "k1",
            ["Signals:Secrets:Keys:k1"] = Convert.ToBase64String(new byte[31]),
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Signals:Secrets:Keys:k1 must decode to 32 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_with_good_keys_starts_and_protects()
    {
        using var host = Host(new Dictionary<string, string?>
        {
            ["Signals:Secrets:ActiveKeyId"] = "k2",
            ["Signals:Secrets:Keys:k1"] = TestKeys.NewKey(),
            ["Signals:Secrets:Keys:k2"] = TestKeys.NewKey(),
            ["Signals:Leases:Ttl"] = "00:00:02",
        });

        await host.StartAsync();
        var protector = host.Services.GetRequiredService<SecretProtector>();
        var leases = host.Services.GetRequiredService<IOptions<LeaseOptions>>().Value;
        await host.StopAsync();

        Assert.Equal("k2", protector.ActiveKeyId);
        Assert.Equal(["k1", "k2"], protector.KeyIds.Order());
        Assert.Equal(TimeSpan.FromSeconds(2), leases.Ttl);
        Assert.NotNull(host.Services.GetRequiredService<SecretRotator>());
    }

    [Fact]
    public async Task A_host_with_bad_lease_settings_does_not_start()
    {
        using var host = Host(new Dictionary<string, string?>
        {
            ["Signals:Secrets:ActiveKeyId"] = "k1",
            ["Signals:Secrets:Keys:k1"] = TestKeys.NewKey(),
            ["Signals:Leases:Ttl"] = "00:00:03",
            ["Signals:Leases:RenewalPeriod"] = "00:00:02",
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Signals:Leases:RenewalPeriod", error.Message, StringComparison.Ordinal);
    }

    private List<string> Failures(SecretOptions options) => _validator.Validate(null, options).Failures?.ToList() ?? [];

    private static IHost Host(Dictionary<string, string?> settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSignalsSecrets().AddSignalsLeaseOptions();
        return builder.Build();
    }
}
