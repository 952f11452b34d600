using Signals.Telegram.Mtproto.Sender;
using Signals.Telegram.Tl;

namespace Signals.Telegram.Mtproto.Tests.Server;

/// <summary>Reads what the server pushed to a sender, skipping service messages, with a generous ceiling.</summary>
internal static class PushReader
{
    public static async Task<UpdatesBase> NextAsync(MtprotoSender sender)
    {
        using var timeout = new CancellationTokenSource(ApiFixture.Timeout);
        while (true)
        {
            if (await sender.Updates.ReadAsync(timeout.Token) is UpdatesBase updates)
            {
                return updates;
            }
        }
    }

    /// <summary>The single Update of the next pushed <c>updates</c>.</summary>
    public static async Task<Update> NextUpdateAsync(MtprotoSender sender) =>
        Assert.Single(Assert.IsType<UpdatesFull>(await NextAsync(sender)).Updates);
}
