using Microsoft.Extensions.Options;

namespace Signals.Ownership;

/// <summary>Validates <see cref="LeaseOptions"/> at start; every failure names the configuration key at fault.</summary>
public sealed class LeaseOptionsValidator : IValidateOptions<LeaseOptions>
{
    /// <summary>Redis' expiry resolution is a millisecond and a round trip costs about as much: shorter leases cannot be kept.</summary>
    public static readonly TimeSpan MinimumTtl = TimeSpan.FromMilliseconds(100);

    public static readonly TimeSpan MaximumTtl = TimeSpan.FromMinutes(10);

    public ValidateOptionsResult Validate(string? name, LeaseOptions options)
    {
        var errors = new List<string>();
        var section = LeaseOptions.Section;
        if (options.Ttl < MinimumTtl || options.Ttl > MaximumTtl)
        {
            errors.Add($"{section}:{nameof(options.Ttl)} must be between {MinimumTtl} and {MaximumTtl}; got {options.Ttl}.");
        }

        // Renewing later than half the TTL leaves no room for a single failed or slow renewal.
        if (options.RenewalPeriod is { } period && (period <= TimeSpan.Zero || period > options.Ttl / 2))
        {
            errors.Add($"{section}:{nameof(options.RenewalPeriod)} must be greater than 0 and at most half of {section}:{nameof(options.Ttl)} ({options.Ttl / 2}); got {period}.");
        }

        if (options.SafetyMargin < TimeSpan.Zero || options.SafetyMargin > options.Ttl)
        {
            errors.Add($"{section}:{nameof(options.SafetyMargin)} must be between 00:00:00 and {section}:{nameof(options.Ttl)} ({options.Ttl}); got {options.SafetyMargin}.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
