namespace Signals.Telegram.Crypto;

/// <summary>What inputCheckPasswordSRP carries: A (256 bytes) and M1 (32 bytes).</summary>
public sealed record SrpClientProof(byte[] A, byte[] M1);
