namespace Signals.Telegram.Client.Session;

/// <summary>The common update box (https://core.telegram.org/api/updates): pts, qts, seq and date of the account.</summary>
internal readonly record struct CommonUpdateState(int Pts, int Qts, int Seq, int Date);
