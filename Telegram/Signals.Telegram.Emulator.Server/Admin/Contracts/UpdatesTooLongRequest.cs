namespace Signals.Telegram.Emulator.Server.Admin.Contracts;

/// <summary>Push updatesTooLong to the connections logged in as <see cref="UserId"/>, or to every logged-in one when null.</summary>
public sealed record UpdatesTooLongRequest(long? UserId = null);
