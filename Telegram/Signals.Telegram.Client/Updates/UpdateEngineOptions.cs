namespace Signals.Telegram.Client.Updates;

/// <summary>Timing of update handling (defaults as https://core.telegram.org/api/updates recommends).</summary>
internal sealed record UpdateEngineOptions(TimeSpan GapWait, TimeSpan IdleResync, TimeSpan RetryDelay, TimeSpan MaxRetryDelay, int ChannelDifferenceLimit, TimeProvider Time)
{
    public static UpdateEngineOptions Default(TimeProvider time) =>
        new(TimeSpan.FromSeconds(0.5), TimeSpan.FromMinutes(15), TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), 100, time);
}
