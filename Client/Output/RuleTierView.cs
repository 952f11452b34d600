namespace Signals.Client.Output;

/// <summary>A tier with its window in the CLI's duration syntax ("10m"), the same text <c>rules set --tiers</c> accepts.</summary>
public sealed record RuleTierView(int MinChannels, string Window);
