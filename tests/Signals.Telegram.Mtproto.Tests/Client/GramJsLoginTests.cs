using System.Net;
using System.Text.Json.Nodes;
using Signals.Telegram.Emulator.Server;
using Signals.Telegram.Emulator.World;
using Signals.Telegram.Mtproto.Tests.Support;

namespace Signals.Telegram.Mtproto.Tests.Client;

/// <summary>
/// GramJS logs in to the emulator server with auth.sendCode / auth.signIn and, for 2FA, account.getPassword, its own
/// SRP computeCheck and auth.checkPassword (tests/gramjs/gramjs-login.js). The numbers are Telegram's test numbers
/// 99966XYYYY, whose code is X five times, so the script knows the code before sendCode; the tests confirm the world
/// issued exactly that code. Needs node and `npm ci` in tests/gramjs; fails (never skips) without them.
/// </summary>
public sealed class GramJsLoginTests
{
    private const string Phone = "9996621234";
    private const string TestNumberCode = "22222";
    [Fact]
    public async Task GramJs_logs_in_with_the_code_it_was_sent()
    {
        await using var emulator = new EmulatorFixture();
        var user = emulator.World.AddUser(Phone, "Ada Login", "ada_login");

        var result = await LoginAsync(emulator, Phone, TestNumberCode);

        Assert.Equal(TestNumberCode, emulator.World.PeekLoginCode(Phone));
        Assert.Equal("auth.SentCode", (string?)result["sendCode"]!["className"]);
        Assert.Equal(5, (int)result["sendCode"]!["length"]!);
        var signIn = result["signIn"]!;
        Assert.Equal("auth.Authorization", (string?)signIn["className"]);
        Assert.Equal(user.Id.ToString(), (string?)signIn["id"]);
        Assert.Equal(("Ada Login", "ada_login", true), ((string?)signIn["firstName"], (string?)signIn["username"], (bool)signIn["self"]!));
        Assert.Equal((1, 1, 0), (emulator.World.Counters.CodesIssued, emulator.World.Counters.LoginsSucceeded, emulator.World.Counters.LoginsFailed));
    }

    [Fact]
    public async Task GramJs_logs_in_with_two_step_verification_over_srp()
    {
        await using var emulator = new EmulatorFixture();
        var user = emulator.World.AddUser(Phone, "Bea Twofa", password: "correct horse battery", passwordHint: "horse");

        var result = await LoginAsync(emulator, Phone, TestNumberCode, "correct horse battery");

        Assert.Equal(("SESSION_PASSWORD_NEEDED", 401), ((string?)result["signIn"]!["error"], (int)result["signIn"]!["code"]!));
        var password = result["getPassword"]!;
        Assert.Equal((true, "horse", 3), ((bool)password["hasPassword"]!, (string?)password["hint"], (int)password["g"]!));
        Assert.Equal(user.Id.ToString(), (string?)result["checkPassword"]!["id"]);
        Assert.Equal((1, 0), (emulator.World.Counters.LoginsSucceeded, emulator.World.Counters.LoginsFailed));
    }

    [Fact]
    public async Task A_wrong_code_is_PHONE_CODE_INVALID_and_counts_as_a_failed_login()
    {
        await using var emulator = new EmulatorFixture();
        emulator.World.AddUser(Phone, "Cy Wrongcode");

        var result = await LoginAsync(emulator, Phone, "12345");

        Assert.Equal(("PHONE_CODE_INVALID", 400), ((string?)result["signIn"]!["error"], (int)result["signIn"]!["code"]!));
        Assert.Equal((0, 1), (emulator.World.Counters.LoginsSucceeded, emulator.World.Counters.LoginsFailed));
    }

    [Fact]
    public async Task A_wrong_password_is_PASSWORD_HASH_INVALID_and_does_not_log_in()
    {
        await using var emulator = new EmulatorFixture();
        emulator.World.AddUser(Phone, "Di Wrongpass", password: "the real one");

        var result = await LoginAsync(emulator, Phone, TestNumberCode, "not the real one");

        Assert.Equal("SESSION_PASSWORD_NEEDED", (string?)result["signIn"]!["error"]);
        Assert.Equal(("PASSWORD_HASH_INVALID", 400), ((string?)result["checkPassword"]!["error"], (int)result["checkPassword"]!["code"]!));
        Assert.Equal((0, 1), (emulator.World.Counters.LoginsSucceeded, emulator.World.Counters.LoginsFailed));
    }

    [Fact]
    public async Task Unknown_and_banned_numbers_get_Telegrams_phone_errors()
    {
        await using var emulator = new EmulatorFixture();
        emulator.World.AddUser(Phone, "Ed Banned");
        emulator.World.SetBanned(Phone, true);

        var unknown = await LoginAsync(emulator, "9996629999", "22222");
        var banned = await LoginAsync(emulator, Phone, TestNumberCode);

        Assert.Equal(("PHONE_NUMBER_INVALID", 400), ((string?)unknown["sendCode"]!["error"], (int)unknown["sendCode"]!["code"]!));
        Assert.Equal(("PHONE_NUMBER_BANNED", 400), ((string?)banned["sendCode"]!["error"], (int)banned["sendCode"]!["code"]!));
        Assert.Equal(0, emulator.World.Counters.CodesIssued);
    }

    [Fact]
    public async Task GramJs_logs_in_with_a_random_code_read_from_the_world_after_sendCode()
    {
        await using var emulator = new EmulatorFixture();
        const string phone = "447700900123";
        var user = emulator.World.AddUser(phone, "Flo Random");
        string? issued = null;

        var result = await LoginAsync(emulator, phone, "-", answerCode: () => issued = emulator.World.PeekLoginCode(phone));

        Assert.Matches("^[0-9]{5}$", issued);
        Assert.Equal(user.Id.ToString(), (string?)result["signIn"]!["id"]);
        Assert.Equal((1, 0), (emulator.World.Counters.LoginsSucceeded, emulator.World.Counters.LoginsFailed));
    }

    [Fact]
    public async Task A_code_past_its_lifetime_is_PHONE_CODE_EXPIRED()
    {
        // A zero lifetime makes every code expired by the time signIn arrives, without moving any clock.
        var world = new TelegramWorld(new WorldOptions { LoginCodeLifetime = TimeSpan.Zero });
        await using var server = new MtprotoServer(world, TestKeys.ServerKey);
        server.Start(new IPEndPoint(IPAddress.Loopback, 0));
        world.AddUser(Phone, "Gus Late");

        var result = await RunLoginAsync(server.LocalEndPoint.Port, server, Phone, TestNumberCode, password: null, answerCode: null);

        Assert.Equal(("PHONE_CODE_EXPIRED", 400), ((string?)result["signIn"]!["error"], (int)result["signIn"]!["code"]!));
        Assert.Equal((1, 0, 1), (world.Counters.CodesIssued, world.Counters.LoginsSucceeded, world.Counters.LoginsFailed));
    }

    private static Task<JsonObject> LoginAsync(EmulatorFixture emulator, string phone, string code, string? password = null, Func<string?>? answerCode = null) =>
        RunLoginAsync(emulator.Port, emulator.Server, phone, code, password, answerCode);

    /// <summary>Runs gramjs-login.js; with <paramref name="answerCode"/>, the code is written to its stdin once it asks.</summary>
    private static async Task<JsonObject> RunLoginAsync(int port, MtprotoServer server, string phone, string code, string? password, Func<string?>? answerCode)
    {
        var key = server.PublicKey;
        var args = new List<string> { "gramjs-login.js", port.ToString(), key.Modulus.ToString(), key.Fingerprint.ToString(), phone, code };
        if (password is not null)
        {
            args.Add(password);
        }

        return await GramJsHarness.RunAsync(args, async (line, stdin) =>
        {
            if (answerCode is not null && line.Contains("\"awaitingCode\"", StringComparison.Ordinal))
            {
                await stdin.WriteLineAsync(answerCode() ?? "");
                await stdin.FlushAsync();
            }
        });
    }
}
