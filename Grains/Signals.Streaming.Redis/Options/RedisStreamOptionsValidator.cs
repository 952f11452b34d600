using Microsoft.Extensions.Options;

namespace Signals.Streaming.Redis;

/// <summary>Rejects settings that would lose events or spin, naming the offending key.</summary>
internal sealed class RedisStreamOptionsValidator : IValidateOptions<RedisStreamOptions>
{
    private readonly string _name;

    public RedisStreamOptionsValidator(string name) => _name = name;

    public ValidateOptionsResult Validate(string? name, RedisStreamOptions options)
    {
        if (!string.Equals(name, _name, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>();
        void Require(bool condition, string key, string rule, object? value)
        {
            if (!condition)
            {
                failures.Add($"RedisStreams:{_name}:{key} {rule} (was '{value}').");
            }
        }

        Require(options.ConnectionFactory is not null || !string.IsNullOrWhiteSpace(options.ConnectionString),
            nameof(options.ConnectionString), "must be set when no ConnectionFactory is given", options.ConnectionString);
        Require(!string.IsNullOrWhiteSpace(options.KeyPrefix), nameof(options.KeyPrefix), "must not be empty", options.KeyPrefix);
        Require(options.QueueCount is >= 1 and <= 1024, nameof(options.QueueCount), "must be between 1 and 1024", options.QueueCount);
        Require(options.MaxStreamLength >= 1, nameof(options.MaxStreamLength), "must be at least 1", options.MaxStreamLength);
        Require(options.MaxDeliveryAttempts is >= 1 and <= 1000, nameof(options.MaxDeliveryAttempts), "must be between 1 and 1000", options.MaxDeliveryAttempts);
        Require(options.MaxBatchesPerEntry is >= 1 and <= 1000, nameof(options.MaxBatchesPerEntry), "must be between 1 and 1000", options.MaxBatchesPerEntry);
        Require(options.ReadBatchSize is >= 1 and <= 10_000, nameof(options.ReadBatchSize), "must be between 1 and 10000", options.ReadBatchSize);
        Require(options.RedeliveryDelay > TimeSpan.Zero, nameof(options.RedeliveryDelay), "must be positive", options.RedeliveryDelay);
        Require(options.MaintenanceInterval > TimeSpan.Zero, nameof(options.MaintenanceInterval), "must be positive", options.MaintenanceInterval);
        Require(options.MinBackoff > TimeSpan.Zero, nameof(options.MinBackoff), "must be positive", options.MinBackoff);
        Require(options.MaxBackoff >= options.MinBackoff, nameof(options.MaxBackoff), "must not be below MinBackoff", options.MaxBackoff);
        Require(options.DeadLetterMaxLength >= 0, nameof(options.DeadLetterMaxLength), "must not be negative", options.DeadLetterMaxLength);
        Require(!string.IsNullOrWhiteSpace(options.ConsumerGroup), nameof(options.ConsumerGroup), "must not be empty", options.ConsumerGroup);

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
