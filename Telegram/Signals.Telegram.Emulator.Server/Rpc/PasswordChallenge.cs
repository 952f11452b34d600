using Signals.Telegram.Crypto;

namespace Signals.Telegram.Emulator.Server;

/// <summary>What account.getPassword handed one auth key: the srp_id to expect back and the server half of SRP.</summary>
internal sealed record PasswordChallenge(long SrpId, SrpServer Srp);
