namespace Signals.Telegram.Mtproto.Tests.Support;

/// <summary>The system clock shifted by a fixed amount: a client whose clock is wrong.</summary>
internal sealed class OffsetTime(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + offset;
}
