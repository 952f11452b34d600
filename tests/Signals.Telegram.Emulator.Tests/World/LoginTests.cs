using Signals.Telegram.Emulator.World;
using Signals.Telegram.Errors;
using Signals.Telegram.Model;

namespace Signals.Telegram.Emulator.Tests.World;

public sealed class LoginTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Code_login_logs_the_session_in_as_the_account()
    {
        await using var test = new TestWorld();
        var connection = await test.ConnectAsync("reader-1");
        Assert.Null(connection.Me);

        var sent = await connection.SendCodeAsync(TestWorld.ReaderPhone, None);
        var code = test.World.PeekLoginCode(TestWorld.ReaderPhone);
        var outcome = await connection.SignInAsync(TestWorld.ReaderPhone, sent.PhoneCodeHash, code!, None);

        Assert.Equal(5, sent.CodeLength);
        Assert.Matches("^[0-9]{5}$", code);
        Assert.Equal(LoginStatus.LoggedIn, outcome.Status);
        Assert.Equal(test.Reader.Id, outcome.User!.Id);
        Assert.Equal(test.Reader.Id, connection.Me!.Id);
        Assert.Equal("reader_account", connection.Me.Username);
    }

    [Fact]
    public async Task Account_with_2fa_asks_for_the_password_and_gives_the_hint()
    {
        await using var test = new TestWorld();
        var connection = await test.ConnectAsync("notifier");
        var sent = await connection.SendCodeAsync(TestWorld.NotifierPhone, None);

        var first = await connection.SignInAsync(TestWorld.NotifierPhone, sent.PhoneCodeHash, test.World.PeekLoginCode(TestWorld.NotifierPhone)!, None);
        Assert.Equal(LoginStatus.PasswordNeeded, first.Status);
        Assert.Equal(TestWorld.NotifierHint, first.PasswordHint);
        Assert.Null(connection.Me);

        var second = await connection.CheckPasswordAsync(TestWorld.NotifierPassword, None);
        Assert.Equal(LoginStatus.LoggedIn, second.Status);
        Assert.Equal(test.Notifier.Id, connection.Me!.Id);
    }

    [Fact]
    public async Task Wrong_password_is_refused_and_the_right_one_still_works()
    {
        await using var test = new TestWorld();
        var connection = await test.ConnectAsync("notifier");
        var sent = await connection.SendCodeAsync(TestWorld.NotifierPhone, None);
        await connection.SignInAsync(TestWorld.NotifierPhone, sent.PhoneCodeHash, test.World.PeekLoginCode(TestWorld.NotifierPhone)!, None);

        var wrong = await connection.CheckPasswordAsync("hunter2", None);
        Assert.Equal(LoginStatus.PasswordInvalid, wrong.Status);
        Assert.Null(connection.Me);

        var right = await connection.CheckPasswordAsync(TestWorld.NotifierPassword, None);
        Assert.Equal(LoginStatus.LoggedIn, right.Status);
    }

    [Fact]
    public async Task Wrong_code_is_refused_and_the_right_one_still_works()
    {
        await using var test = new TestWorld();
        var connection = await test.ConnectAsync("reader-1");
        var sent = await connection.SendCodeAsync(TestWorld.ReaderPhone, None);
        var code = test.World.PeekLoginCode(TestWorld.ReaderPhone)!;
        var wrongCode = ((int.Parse(code) + 1) % 100_000).ToString("D5");

        var wrong = await connection.SignInAsync(TestWorld.ReaderPhone, sent.PhoneCodeHash, wrongCode, None);
        Assert.Equal(LoginStatus.CodeInvalid, wrong.Status);
        Assert.Null(connection.Me);

        var right = await connection.SignInAsync(TestWorld.ReaderPhone, sent.PhoneCodeHash, code, None);
        Assert.Equal(LoginStatus.LoggedIn, right.Status);
    }

    [Fact]
    public async Task Code_used_after_its_lifetime_is_expired()
    {
        await using var test = new TestWorld(new WorldOptions { LoginCodeLifetime = TimeSpan.FromMinutes(2) });
        var connection = await test.ConnectAsync("reader-1");
        var sent = await connection.SendCodeAsync(TestWorld.ReaderPhone, None);
        test.Time.Advance(TimeSpan.FromMinutes(2));

        var outcome = await connection.SignInAsync(TestWorld.ReaderPhone, sent.PhoneCodeHash, test.World.PeekLoginCode(TestWorld.ReaderPhone)!, None);

        Assert.Equal(LoginStatus.CodeExpired, outcome.Status);
        Assert.Null(connection.Me);
    }

    [Fact]
    public async Task Code_used_within_its_lifetime_works()
    {
        await using var test = new TestWorld(new WorldOptions { LoginCodeLifetime = TimeSpan.FromMinutes(2) });
        var connection = await test.ConnectAsync("reader-1");
        var sent = await connection.SendCodeAsync(TestWorld.ReaderPhone, None);
        test.Time.Advance(TimeSpan.FromSeconds(119));

        var outcome = await connection.SignInAsync(TestWorld.ReaderPhone, sent.PhoneCodeHash, test.World.PeekLoginCode(TestWorld.ReaderPhone)!, None);

        Assert.Equal(LoginStatus.LoggedIn, outcome.Status);
    }

    [Fact]
    public async Task A_new_code_replaces_the_previous_one()
    {
        await using var test = new TestWorld();
        var connection = await test.ConnectAsync("reader-1");
        var first = await connection.SendCodeAsync(TestWorld.ReaderPhone, None);
        var firstCode = test.World.PeekLoginCode(TestWorld.ReaderPhone)!;
        var second = await connection.SendCodeAsync(TestWorld.ReaderPhone, None);

        var stale = await connection.SignInAsync(TestWorld.ReaderPhone, first.PhoneCodeHash, firstCode, None);

        Assert.NotEqual(first.PhoneCodeHash, second.PhoneCodeHash);
        Assert.Equal(LoginStatus.CodeExpired, stale.Status);
    }

    [Fact]
    public async Task A_code_works_only_once()
    {
        await using var test = new TestWorld();
        var connection = await test.ConnectAsync("reader-1");
        var sent = await connection.SendCodeAsync(TestWorld.ReaderPhone, None);
        var code = test.World.PeekLoginCode(TestWorld.ReaderPhone)!;
        await connection.SignInAsync(TestWorld.ReaderPhone, sent.PhoneCodeHash, code, None);

        var other = await test.ConnectAsync("reader-2");
        var reuse = await other.SignInAsync(TestWorld.ReaderPhone, sent.PhoneCodeHash, code, None);

        Assert.Equal(LoginStatus.CodeExpired, reuse.Status);
        Assert.Null(other.Me);
    }

    [Fact]
    public async Task Telegram_test_numbers_get_their_dc_digit_five_times()
    {
        await using var test = new TestWorld();
        test.World.AddUser("+999 66 2 1234", "Test DC 2 account");
        var connection = await test.ConnectAsync("test-account");
        var sent = await connection.SendCodeAsync("9996621234", None);

        var outcome = await connection.SignInAsync("+9996621234", sent.PhoneCodeHash, "22222", None);

        Assert.Equal(LoginStatus.LoggedIn, outcome.Status);
    }

    [Fact]
    public async Task Unknown_or_malformed_phone_cannot_get_a_code()
    {
        await using var test = new TestWorld();
        var connection = await test.ConnectAsync("reader-1");

        var unknown = await Assert.ThrowsAsync<TelegramPermanentException>(() => connection.SendCodeAsync("+1 555 0100 999", None));
        var malformed = await Assert.ThrowsAsync<TelegramPermanentException>(() => connection.SendCodeAsync("call me maybe", None));

        Assert.Equal("PHONE_NUMBER_INVALID", unknown.ErrorCode);
        Assert.Equal("PHONE_NUMBER_INVALID", malformed.ErrorCode);
        Assert.DoesNotContain("15550100999", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Banned_account_cannot_log_in_and_its_sessions_are_cut_off()
    {
        await using var test = new TestWorld();
        var connection = await test.LoggedInReaderAsync();
        var channel = await connection.ResolvePeerAsync("@gem_calls", None);

        test.World.SetBanned(TestWorld.ReaderPhone, banned: true);

        var other = await test.ConnectAsync("reader-2");
        var codeRefused = await Assert.ThrowsAsync<TelegramPermanentException>(() => other.SendCodeAsync(TestWorld.ReaderPhone, None));
        var cutOff = await Assert.ThrowsAsync<TelegramUnauthorizedException>(() => connection.GetHistoryAsync(channel, 0, 10, None));
        Assert.Equal("PHONE_NUMBER_BANNED", codeRefused.ErrorCode);
        Assert.Equal("USER_DEACTIVATED_BAN", cutOff.ErrorCode);
    }

    [Fact]
    public async Task Calls_that_need_an_account_fail_before_login()
    {
        await using var test = new TestWorld();
        var connection = await test.ConnectAsync("reader-1");
        var channel = test.Calls.ToPeer();

        var errors = new List<TelegramUnauthorizedException>
        {
            await Assert.ThrowsAsync<TelegramUnauthorizedException>(() => connection.ResolvePeerAsync("gem_calls", None)),
            await Assert.ThrowsAsync<TelegramUnauthorizedException>(() => connection.JoinChannelAsync(channel, None)),
            await Assert.ThrowsAsync<TelegramUnauthorizedException>(() => connection.GetHistoryAsync(channel, 0, 10, None)),
            await Assert.ThrowsAsync<TelegramUnauthorizedException>(() => connection.GetLatestMessageIdAsync(channel, None)),
            await Assert.ThrowsAsync<TelegramUnauthorizedException>(() => connection.SendMessageAsync(channel, "hi", 1, None)),
        };

        Assert.All(errors, e => Assert.Equal("AUTH_KEY_UNREGISTERED", e.ErrorCode));
        Assert.All(errors, e => Assert.Equal(TelegramErrorKind.Unauthorized, e.Kind));
    }

    [Fact]
    public async Task Password_check_without_a_sign_in_first_is_unauthorized()
    {
        await using var test = new TestWorld();
        var connection = await test.ConnectAsync("notifier");

        var error = await Assert.ThrowsAsync<TelegramUnauthorizedException>(() => connection.CheckPasswordAsync(TestWorld.NotifierPassword, None));

        Assert.Equal("AUTH_KEY_UNREGISTERED", error.ErrorCode);
        Assert.DoesNotContain(TestWorld.NotifierPassword, error.Message, StringComparison.Ordinal);
    }
}
