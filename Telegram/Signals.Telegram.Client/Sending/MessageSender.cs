using Signals.Telegram.Client.Connection;
using Signals.Telegram.Client.Peers;
using Signals.Telegram.Errors;
using Signals.Telegram.Model;
using Signals.Telegram.Tl;
using Signals.Telegram.Tl.Messages;

namespace Signals.Telegram.Client.Sending;

/// <summary>
/// messages.sendMessage with the caller's random_id (https://core.telegram.org/method/messages.sendMessage). The
/// message id comes from the updateMessageID that pairs it with the random_id (or from updateShortSentMessage).
/// RANDOM_ID_DUPLICATE means Telegram stored this send before: it is reported as sent with
/// <see cref="SentMessage.WasDuplicate"/>; Telegram does not say which message it was, so the id is 0 then.
/// The answer also goes to <paramref name="onUpdates"/>, which keeps the update state in step (the send's own pts).
/// </summary>
internal sealed class MessageSender(IMtprotoInvoker invoker, TimeProvider time, Action<UpdatesBase> onUpdates)
{
    public async Task<SentMessage> SendAsync(TelegramPeer destination, string html, long randomId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var message = HtmlEntities.Parse(html);
        UpdatesBase answer;
        try
        {
            answer = await invoker.CallAsync(
                new SendMessage
                {
                    Peer = TlPeers.ToInputPeer(destination),
                    Message = message.Text,
                    RandomId = randomId,
                    Entities = message.Entities.Count > 0 ? [.. message.Entities] : null,
                },
                cancellationToken);
        }
        catch (TelegramException error) when (error.ErrorCode == "RANDOM_ID_DUPLICATE")
        {
            return new SentMessage(destination.Id, 0, time.GetUtcNow(), WasDuplicate: true);
        }

        onUpdates(answer);
        return Sent(destination, randomId, answer);
    }

    private SentMessage Sent(TelegramPeer destination, long randomId, UpdatesBase answer)
    {
        if (answer is UpdateShortSentMessage shortSent)
        {
            return new SentMessage(destination.Id, shortSent.Id, DateTimeOffset.FromUnixTimeSeconds(shortSent.Date), false);
        }

        var (updates, date) = answer switch
        {
            UpdatesFull full => (full.Updates, full.Date),
            UpdatesCombined combined => (combined.Updates, combined.Date),
            UpdateShort single => ([single.Update], single.Date),
            _ => (new List<Update>(), 0),
        };
        var id = updates.OfType<UpdateMessageID>().FirstOrDefault(update => update.RandomId == randomId)?.Id ?? 0;
        var stored = updates
            .Select(update => update switch
            {
                UpdateNewChannelMessage channel => channel.Message,
                UpdateNewMessage common => common.Message,
                _ => null,
            })
            .OfType<Message>()
            .FirstOrDefault(candidate => candidate.Id == id);
        var when = stored?.Date ?? date;
        return new SentMessage(destination.Id, id, when > 0 ? DateTimeOffset.FromUnixTimeSeconds(when) : time.GetUtcNow(), false);
    }
}
