namespace Signals.Telegram.Emulator.Server.Admin.Contracts;

/// <summary>Answer the next <see cref="Count"/> API calls with <c>303 {Kind}_{Dc}</c> (Kind: USER_MIGRATE by default).</summary>
public sealed record MigrateCallsRequest(int? Dc = null, string? Kind = null, int? Count = null);
