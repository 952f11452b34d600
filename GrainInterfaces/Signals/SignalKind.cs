namespace Signals.Signals;

[GenerateSerializer]
[Alias("Signals.Signals.SignalKind")]
public enum SignalKind
{
    /// <summary>A post (or an edit) mentions the token.</summary>
    Mention = 0,

    /// <summary>The post that mentioned the token was deleted: the mention stops counting.</summary>
    Retraction = 1,
}
