namespace Signals.Client.Output;

public sealed record ParseView(IReadOnlyList<ParsedTokenView> Tokens);
