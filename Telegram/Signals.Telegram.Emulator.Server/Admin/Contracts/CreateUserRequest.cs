namespace Signals.Telegram.Emulator.Server.Admin.Contracts;

/// <summary><c>POST /users</c>. <see cref="Dc"/>, when given, must be the DC this emulator claims to be.</summary>
public sealed record CreateUserRequest(string? Phone, string? Name, string? Username = null, string? Password = null, string? PasswordHint = null, int? Dc = null);
