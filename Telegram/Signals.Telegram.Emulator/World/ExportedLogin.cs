namespace Signals.Telegram.Emulator.World;

/// <summary>An exported authorization waiting to be imported on <see cref="DcId"/>.</summary>
internal sealed record ExportedLogin(long UserId, int DcId, byte[] Bytes);
