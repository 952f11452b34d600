using Signals.Telegram.Tl;

namespace Signals.Telegram.Client.Sending;

/// <summary>A message as Telegram takes it: plain text and formatting entities over it.</summary>
internal sealed record HtmlMessage(string Text, IReadOnlyList<MessageEntity> Entities);
