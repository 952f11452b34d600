using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Signals.Alerts;
using Signals.Channels;
using Signals.Sessions;
using Signals.Tokens;

namespace Signals.Hosting;

/// <summary>Validates Signals' option sections at start; every failure names the configuration key at fault.</summary>
public sealed class SignalsOptionsValidator(IOptions<ReminderOptions> reminders) :
    IValidateOptions<SessionOptions>,
    IValidateOptions<ReaderOptions>,
    IValidateOptions<TokenOptions>,
    IValidateOptions<DeliveryOptions>
{
    public ValidateOptionsResult Validate(string? name, SessionOptions options)
    {
        var errors = new List<string>();
        Positive(errors, SessionOptions.Section, nameof(options.PumpInterval), options.PumpInterval, TimeSpan.FromSeconds(10));
        Positive(errors, SessionOptions.Section, nameof(options.ReconnectDelay), options.ReconnectDelay, TimeSpan.FromMinutes(10));
        Positive(errors, SessionOptions.Section, nameof(options.MaxReconnectDelay), options.MaxReconnectDelay, TimeSpan.FromHours(1));
        var minimum = reminders.Value.MinimumReminderPeriod;
        if (options.WatchdogPeriod < minimum || options.WatchdogPeriod > TimeSpan.FromHours(1))
        {
            errors.Add($"{SessionOptions.Section}:{nameof(options.WatchdogPeriod)} must be between {minimum} (Orleans' minimum reminder period) and 01:00:00; got {options.WatchdogPeriod}.");
        }

        Range(errors, SessionOptions.Section, nameof(options.MaxUpdatesPerTurn), options.MaxUpdatesPerTurn, 1, 10_000);
        return Result(errors);
    }

    public ValidateOptionsResult Validate(string? name, ReaderOptions options)
    {
        var errors = new List<string>();
        Range(errors, ReaderOptions.Section, nameof(options.HistoryPageSize), options.HistoryPageSize, 1, 100);
        Range(errors, ReaderOptions.Section, nameof(options.RememberedPosts), options.RememberedPosts, 10, 1_000_000);
        return Result(errors);
    }

    public ValidateOptionsResult Validate(string? name, TokenOptions options)
    {
        var errors = new List<string>();
        Positive(errors, TokenOptions.Section, nameof(options.MentionRetention), options.MentionRetention, TimeSpan.FromDays(30));
        Range(errors, TokenOptions.Section, nameof(options.RememberedEventIds), options.RememberedEventIds, 100, 10_000_000);
        Positive(errors, TokenOptions.Section, nameof(options.RulesCacheTime), options.RulesCacheTime, TimeSpan.FromHours(1));
        return Result(errors);
    }

    public ValidateOptionsResult Validate(string? name, DeliveryOptions options)
    {
        var errors = new List<string>();
        if (options.MinIntervalPerChat < TimeSpan.Zero || options.MinIntervalPerChat > TimeSpan.FromMinutes(10))
        {
            errors.Add($"{DeliveryOptions.Section}:{nameof(options.MinIntervalPerChat)} must be between 00:00:00 and 00:10:00; got {options.MinIntervalPerChat}.");
        }

        Positive(errors, DeliveryOptions.Section, nameof(options.RetryDelay), options.RetryDelay, TimeSpan.FromMinutes(10));
        Positive(errors, DeliveryOptions.Section, nameof(options.MaxRetryDelay), options.MaxRetryDelay, TimeSpan.FromHours(6));
        Positive(errors, DeliveryOptions.Section, nameof(options.PollInterval), options.PollInterval, TimeSpan.FromSeconds(10));
        Range(errors, DeliveryOptions.Section, nameof(options.RememberedDeliveries), options.RememberedDeliveries, 100, 10_000_000);
        return Result(errors);
    }

    private static void Positive(List<string> errors, string section, string key, TimeSpan value, TimeSpan max)
    {
        if (value <= TimeSpan.Zero || value > max)
        {
            errors.Add($"{section}:{key} must be greater than 0 and at most {max}; got {value}.");
        }
    }

    private static void Range(List<string> errors, string section, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add($"{section}:{key} must be between {min} and {max}; got {value}.");
        }
    }

    private static ValidateOptionsResult Result(List<string> errors) =>
        errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
}
