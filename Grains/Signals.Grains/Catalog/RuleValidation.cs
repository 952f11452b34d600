namespace Signals.Catalog;

/// <summary>Checks a rule before it is stored; the messages name the field at fault.</summary>
public static class RuleValidation
{
    public static void Validate(AlertRuleConfig rule)
    {
        if (string.IsNullOrWhiteSpace(rule.Name) || rule.Name.Length > 64)
        {
            throw new CatalogException("rule name: 1 to 64 characters required.");
        }

        if (rule.Tiers is null || rule.Tiers.Count == 0)
        {
            throw new CatalogException($"rule '{rule.Name}': at least one tier (channels/window) is required.");
        }

        var previous = 0;
        foreach (var tier in rule.Tiers)
        {
            if (tier.MinChannels < 1 || tier.MinChannels > 1000)
            {
                throw new CatalogException($"rule '{rule.Name}': a tier needs between 1 and 1000 channels (got {tier.MinChannels}).");
            }

            if (tier.Window <= TimeSpan.Zero || tier.Window > TimeSpan.FromDays(7))
            {
                throw new CatalogException($"rule '{rule.Name}': a tier window must be between 0 and 7 days (got {tier.Window}).");
            }

            if (tier.MinChannels <= previous)
            {
                throw new CatalogException($"rule '{rule.Name}': tiers must ascend by channel count.");
            }

            previous = tier.MinChannels;
        }

        if (rule.Cooldown < TimeSpan.Zero)
        {
            throw new CatalogException($"rule '{rule.Name}': cooldown cannot be negative.");
        }

        if (rule.ChannelWeights is not null && rule.ChannelWeights.Values.Any(w => w < 0 || double.IsNaN(w) || w > 100))
        {
            throw new CatalogException($"rule '{rule.Name}': channel weights must be between 0 and 100.");
        }
    }
}
