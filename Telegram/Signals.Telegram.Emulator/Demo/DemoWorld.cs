using Signals.Telegram.Emulator.World;

namespace Signals.Telegram.Emulator.Demo;

public static class DemoWorld
{
    /// <summary>
    /// Creates the demo's call channels, a reader and a notifier account, and one destination channel that the
    /// notifier administers.
    /// </summary>
    public static DemoSetup Seed(TelegramWorld world, DemoOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ChannelCount, 3);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.ChannelCount, DemoChannels.All.Count);

        var reader = world.AddUser(options.ReaderPhone, "Signals Reader", "signals_reader");
        var notifier = world.AddUser(options.NotifierPhone, "Signals Notifier", "signals_notifier", options.NotifierPassword, options.NotifierPasswordHint);
        var channels = DemoChannels.All
            .Take(options.ChannelCount)
            .Select(c => world.CreateChannel(c.Username, c.Title))
            .ToList();
        if (options.ReaderJoinsChannels)
        {
            channels.ForEach(c => world.AddMember(c.Id, reader.Id));
        }

        var destination = world.CreateChannel(options.DestinationUsername, "Signals Alerts");
        world.AllowToWrite(destination.Id, notifier.Id);
        return new DemoSetup(channels, reader, notifier, destination);
    }
}
