namespace Signals.Telegram.Emulator.Demo;

public enum DemoActionKind
{
    /// <summary>A post calling a token (address in the text, a link, or only in a hidden text link).</summary>
    Call,

    /// <summary>"CA soon": a post about a token without its address, revealed by a later edit.</summary>
    Teaser,

    /// <summary>The edit that puts the address into an earlier teaser: a call made by editing.</summary>
    Reveal,

    /// <summary>An edit of an earlier call (a price update); the address stays.</summary>
    Update,

    /// <summary>A post about an earlier call without its address ("did 5x").</summary>
    FollowUp,

    /// <summary>Chatter without a token address.</summary>
    Noise,

    /// <summary>An ad, deleted again later now and then.</summary>
    Promo,

    Delete,
}
