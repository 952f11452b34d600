namespace Signals.Catalog;

public sealed class RuleTierOptions
{
    public int MinChannels { get; set; }

    public TimeSpan Window { get; set; }
}
