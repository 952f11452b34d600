namespace Signals.Telegram.Crypto;

/// <summary>
/// passwordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow: the only 2FA algorithm Telegram uses.
/// <paramref name="P"/> is the 2048-bit prime as 256 big-endian bytes.
/// </summary>
public sealed record SrpAlgorithm(byte[] Salt1, byte[] Salt2, int G, byte[] P);
