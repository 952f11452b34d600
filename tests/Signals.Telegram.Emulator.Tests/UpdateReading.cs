using System.Threading.Channels;
using Signals.Telegram.Model;

namespace Signals.Telegram.Emulator.Tests;

internal static class UpdateReading
{
    /// <summary>Everything already queued; pushes happen inside the world's call, so nothing is still on its way.</summary>
    public static List<ChannelUpdate> Drain(this ChannelReader<ChannelUpdate> updates)
    {
        var drained = new List<ChannelUpdate>();
        while (updates.TryRead(out var update))
        {
            drained.Add(update);
        }

        return drained;
    }
}
