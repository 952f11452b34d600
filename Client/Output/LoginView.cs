using Signals.Sessions;

namespace Signals.Client.Output;

/// <summary>The end of a login. <see cref="Phone"/> is masked; the code and password are never part of any output.</summary>
public sealed record LoginView(string Session, string Phone, LoginStep Step, bool Succeeded, string Message);
