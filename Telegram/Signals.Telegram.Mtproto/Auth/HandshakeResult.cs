using Signals.Telegram.Crypto;

namespace Signals.Telegram.Mtproto.Auth;

/// <summary>
/// What a finished key exchange yields: the key, the first server salt and (client side) how far the server's
/// clock is ahead of ours, in seconds, from server_DH_inner_data's server_time.
/// </summary>
public sealed record HandshakeResult(AuthKey AuthKey, long ServerSalt, int TimeOffsetSeconds);
