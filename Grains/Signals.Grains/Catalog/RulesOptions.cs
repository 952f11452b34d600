namespace Signals.Catalog;

/// <summary>
/// Configuration section <c>Signals:Rules</c>: the rules a destination gets when it is added without any. Rules stay
/// data after that: <c>signals rules set</c> edits a destination's rules at run time.
/// </summary>
public sealed class RulesOptions
{
    public const string Section = "Signals:Rules";

    /// <summary>Empty: three distinct channels within ten minutes, then quiet for thirty (<see cref="AlertRuleConfig.Default"/>).</summary>
    public List<RuleOptions> Default { get; set; } = [];

    public IReadOnlyList<AlertRuleConfig> DefaultRules() =>
        Default.Count == 0 ? [AlertRuleConfig.Default] : Default.Select(r => r.ToConfig()).ToList();
}
