namespace Signals.Telegram.Mtproto.Tests.Support;

/// <summary>A clock the test moves by hand (or sets to a skew).</summary>
internal sealed class ManualTime(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
