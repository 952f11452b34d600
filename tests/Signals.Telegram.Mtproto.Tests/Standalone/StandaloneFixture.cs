using System.Net;
using System.Security.Cryptography;
using Signals.Telegram.Emulator.Server.Standalone;
using Signals.Telegram.Emulator.World;
using Signals.Telegram.Mtproto.Sender;
using Signals.Telegram.Mtproto.Tests.Support;

namespace Signals.Telegram.Mtproto.Tests.Standalone;

/// <summary>A standalone emulator in-process on free loopback ports, and an HTTP client for its admin API.</summary>
internal sealed class StandaloneFixture : IAsyncDisposable
{
    private StandaloneFixture(StandaloneEmulator emulator)
    {
        Emulator = emulator;
        Admin = new AdminHttp(emulator.AdminUri!);
    }

    public StandaloneEmulator Emulator { get; }

    public AdminHttp Admin { get; }

    public TelegramWorld World => Emulator.World;

    public static async Task<StandaloneFixture> StartAsync(bool demo = false)
    {
        var emulator = new StandaloneEmulator(
            new StandaloneOptions { Listen = new IPEndPoint(IPAddress.Loopback, 0), Admin = new IPEndPoint(IPAddress.Loopback, 0), Demo = demo },
            rsaKey: TestKeys.ServerKey);
        await emulator.StartAsync();
        return new StandaloneFixture(emulator);
    }

    public MtprotoSender NewSender() => new(new MtprotoSenderOptions
    {
        Host = Emulator.MtprotoEndPoint.Address.ToString(),
        Port = Emulator.MtprotoEndPoint.Port,
        ServerKeys = [Emulator.Server.PublicKey],
        ReconnectDelay = TimeSpan.FromMilliseconds(50),
    }, new InMemorySessionStore());

    /// <summary>A world-side session logged in as <paramref name="phone"/>, using the code the admin API hands out.</summary>
    public async Task<WorldConnection> LoggedInConnectionAsync(string sessionName, string phone)
    {
        var connection = World.OpenConnection(sessionName, World.RegisterAuthKey(RandomNumberGenerator.GetBytes(256)));
        var sent = connection.SendCode(phone);
        var code = (await Admin.GetAsync($"/users/{Uri.EscapeDataString(phone)}/code")).AssertStatus(HttpStatusCode.OK)["code"].GetString()!;
        Assert.NotNull(connection.SignIn(phone, sent.PhoneCodeHash, code).User);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await Emulator.DisposeAsync();
    }
}
