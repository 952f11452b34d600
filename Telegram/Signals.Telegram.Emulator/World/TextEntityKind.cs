namespace Signals.Telegram.Emulator.World;

/// <summary>The message entity kinds the world keeps (Telegram's messageEntity* of the same names).</summary>
public enum TextEntityKind
{
    TextUrl,
    Url,
    Bold,
    Italic,
    Underline,
    Strike,
    Code,
    Pre,
}
