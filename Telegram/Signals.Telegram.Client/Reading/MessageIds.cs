using Signals.Telegram.Tl;

namespace Signals.Telegram.Client.Reading;

internal static class MessageIds
{
    /// <summary>The id of any message constructor (the generated base type has none).</summary>
    public static int IdOf(this MessageBase message) => message switch
    {
        Message ordinary => ordinary.Id,
        MessageService service => service.Id,
        MessageEmpty empty => empty.Id,
        _ => 0,
    };
}
