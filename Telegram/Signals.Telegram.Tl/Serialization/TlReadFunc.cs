namespace Signals.Telegram.Tl.Serialization;

/// <summary>Reads one value; a delegate because <see cref="TlReader"/> is a ref struct and must be passed by ref.</summary>
public delegate T TlReadFunc<out T>(ref TlReader reader);
