namespace Signals.Telegram.Model;

/// <summary>auth.sendCode's answer. The hash goes back with the code; it is not a secret but is kept in memory only.</summary>
public sealed record LoginCodeSent(string PhoneCodeHash, int CodeLength);
