using System.Threading.Channels;
using Signals.Feed;

namespace Signals.Client.Infrastructure;

/// <summary>Receives feed entries on the client (through an object reference) and queues them for the tail loop.</summary>
internal sealed class ActivityObserver : IActivityObserver
{
    private readonly Channel<ActivityEntry> _entries = Channel.CreateUnbounded<ActivityEntry>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<ActivityEntry> Entries => _entries.Reader;

    public Task OnActivityAsync(ActivityEntry entry)
    {
        _entries.Writer.TryWrite(entry);
        return Task.CompletedTask;
    }
}
