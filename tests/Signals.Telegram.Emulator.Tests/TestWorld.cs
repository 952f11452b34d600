using Microsoft.Extensions.Time.Testing;
using Signals.Telegram.Emulator.InProcess;
using Signals.Telegram.Emulator.World;
using Signals.Telegram.Model;

namespace Signals.Telegram.Emulator.Tests;

/// <summary>A small world on a fake clock: a reader, a notifier with 2FA, two call channels and an alert channel.</summary>
internal sealed class TestWorld : IAsyncDisposable
{
    // Not a 99966… test number, so its codes are random like a real account's.
    public const string ReaderPhone = "+44 7700 900001";
    public const string NotifierPhone = "+44 7700 900002";
    public const string NotifierPassword = "correct horse battery staple";
    public const string NotifierHint = "four words";

    public TestWorld(WorldOptions? options = null)
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        World = new TelegramWorld(options ?? new WorldOptions { Seed = 1 }, Time);
        Reader = World.AddUser(ReaderPhone, "Reader", "reader_account");
        Notifier = World.AddUser(NotifierPhone, "Notifier", null, NotifierPassword, NotifierHint);
        Calls = World.CreateChannel("gem_calls", "Gem Calls");
        Radar = World.CreateChannel("@pump_radar", "Pump Radar");
        Alerts = World.CreateChannel("alerts_out", "Alerts");
        World.AllowToWrite(Alerts.Id, Notifier.Id);
        Connector = new EmulatorTelegramConnector(World);
    }

    public FakeTimeProvider Time { get; }

    public TelegramWorld World { get; }

    public EmulatorTelegramConnector Connector { get; }

    public WorldUser Reader { get; }

    public WorldUser Notifier { get; }

    public WorldChat Calls { get; }

    public WorldChat Radar { get; }

    public WorldChat Alerts { get; }

    public async Task<EmulatorTelegramConnection> ConnectAsync(string sessionName, byte[]? blob = null, RecordingSessionStore? store = null) =>
        (EmulatorTelegramConnection)await Connector.ConnectAsync(sessionName, blob, store ?? new RecordingSessionStore(), CancellationToken.None);

    /// <summary>A connection of a fresh session logged in as the reader through the code flow.</summary>
    public async Task<EmulatorTelegramConnection> LoggedInReaderAsync(string sessionName = "reader-1", RecordingSessionStore? store = null)
    {
        var connection = await ConnectAsync(sessionName, null, store);
        var sent = await connection.SendCodeAsync(ReaderPhone, CancellationToken.None);
        var outcome = await connection.SignInAsync(ReaderPhone, sent.PhoneCodeHash, World.PeekLoginCode(ReaderPhone)!, CancellationToken.None);
        Assert.Equal(LoginStatus.LoggedIn, outcome.Status);
        return connection;
    }

    /// <summary>A connection logged in as the notifier (code, then 2FA password).</summary>
    public async Task<EmulatorTelegramConnection> LoggedInNotifierAsync(string sessionName = "notifier", RecordingSessionStore? store = null)
    {
        var connection = await ConnectAsync(sessionName, null, store);
        var sent = await connection.SendCodeAsync(NotifierPhone, CancellationToken.None);
        var first = await connection.SignInAsync(NotifierPhone, sent.PhoneCodeHash, World.PeekLoginCode(NotifierPhone)!, CancellationToken.None);
        Assert.Equal(LoginStatus.PasswordNeeded, first.Status);
        var second = await connection.CheckPasswordAsync(NotifierPassword, CancellationToken.None);
        Assert.Equal(LoginStatus.LoggedIn, second.Status);
        return connection;
    }

    public ValueTask DisposeAsync() => Connector.DisposeAsync();
}
