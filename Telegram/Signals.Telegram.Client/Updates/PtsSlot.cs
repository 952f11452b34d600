namespace Signals.Telegram.Client.Updates;

/// <summary>
/// Where an update sits in its box: <see cref="Box"/> is 0 for the common box, else the channel id;
/// the update moves the box from <c>Pts - PtsCount</c> to <see cref="Pts"/>.
/// </summary>
internal readonly record struct PtsSlot(long Box, int Pts, int PtsCount)
{
    public const long CommonBox = 0;

    public int Before => Pts - PtsCount;
}
