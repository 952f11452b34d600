using Signals.Telegram.Client.Tests.Support;
using Signals.Telegram.Errors;
using Signals.Telegram.Model;

namespace Signals.Telegram.Client.Tests.Login;

/// <summary>Our login over our sender against the emulator's MTProto server, over loopback TCP.</summary>
public sealed class MtprotoLoginAgainstServerTests
{
    private const string Phone = "+15550100";
    private const string Password = "hunter2-but-longer";

    private static readonly MtprotoLoginOptions Options = new() { ApiId = 4711, ApiHash = "0123456789abcdef0123456789abcdef" };
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Login_with_a_code_returns_the_account_and_the_world_counts_it()
    {
        await using var emulator = new EmulatorServer();
        var alice = emulator.World.AddUser(Phone, "Alice", "alice");
        var login = await emulator.NewLoginAsync(Options);

        var sent = await login.SendCodeAsync(Phone, CancellationToken.None).WaitAsync(Timeout);
        var code = emulator.World.PeekLoginCode(Phone)!;
        var outcome = await login.SignInAsync(Phone, sent.PhoneCodeHash, code, CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal(LoginOutcome.Success(new TelegramUser(alice.Id, "Alice", "alice")), outcome);
        Assert.Equal(code.Length, sent.CodeLength);
        Assert.Equal((1, 1, 0), (emulator.World.Counters.CodesIssued, emulator.World.Counters.LoginsSucceeded, emulator.World.Counters.LoginsFailed));
        Assert.Equal(0, emulator.World.Counters.AuthKeyDuplicated);
    }

    [Fact]
    public async Task Login_with_two_factor_asks_for_the_password_with_its_hint_and_accepts_it_by_srp()
    {
        await using var emulator = new EmulatorServer();
        var bob = emulator.World.AddUser(Phone, "Bob", password: Password, passwordHint: "the long one");
        var login = await emulator.NewLoginAsync(Options);

        var sent = await login.SendCodeAsync(Phone, CancellationToken.None).WaitAsync(Timeout);
        var first = await login.SignInAsync(Phone, sent.PhoneCodeHash, emulator.World.PeekLoginCode(Phone)!, CancellationToken.None).WaitAsync(Timeout);
        var second = await login.CheckPasswordAsync(Password, CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal(LoginOutcome.NeedsPassword("the long one"), first);
        Assert.Equal(LoginOutcome.Success(new TelegramUser(bob.Id, "Bob", null)), second);
        Assert.Equal(1, emulator.World.Counters.LoginsSucceeded);
    }

    [Fact]
    public async Task Wrong_code_is_code_invalid_and_the_right_code_still_works_after_it()
    {
        await using var emulator = new EmulatorServer();
        emulator.World.AddUser(Phone, "Alice");
        var login = await emulator.NewLoginAsync(Options);
        var sent = await login.SendCodeAsync(Phone, CancellationToken.None).WaitAsync(Timeout);
        var code = emulator.World.PeekLoginCode(Phone)!;
        var wrong = code == "00000" ? "11111" : "00000";

        var failed = await login.SignInAsync(Phone, sent.PhoneCodeHash, wrong, CancellationToken.None).WaitAsync(Timeout);
        var retried = await login.SignInAsync(Phone, sent.PhoneCodeHash, code, CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal(LoginOutcome.Failed(LoginStatus.CodeInvalid), failed);
        Assert.Equal(LoginStatus.LoggedIn, retried.Status);
        Assert.Equal((1, 1), (emulator.World.Counters.LoginsFailed, emulator.World.Counters.LoginsSucceeded));
    }

    [Fact]
    public async Task Code_for_a_replaced_hash_is_code_expired()
    {
        await using var emulator = new EmulatorServer();
        emulator.World.AddUser(Phone, "Alice");
        var login = await emulator.NewLoginAsync(Options);
        var old = await login.SendCodeAsync(Phone, CancellationToken.None).WaitAsync(Timeout);
        await login.SendCodeAsync(Phone, CancellationToken.None).WaitAsync(Timeout);

        var outcome = await login.SignInAsync(Phone, old.PhoneCodeHash, emulator.World.PeekLoginCode(Phone)!, CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal(LoginOutcome.Failed(LoginStatus.CodeExpired), outcome);
    }

    [Fact]
    public async Task Wrong_password_is_password_invalid_and_the_right_one_still_works_after_it()
    {
        await using var emulator = new EmulatorServer();
        emulator.World.AddUser(Phone, "Bob", password: Password);
        var login = await emulator.NewLoginAsync(Options);
        var sent = await login.SendCodeAsync(Phone, CancellationToken.None).WaitAsync(Timeout);
        await login.SignInAsync(Phone, sent.PhoneCodeHash, emulator.World.PeekLoginCode(Phone)!, CancellationToken.None).WaitAsync(Timeout);

        var wrong = await login.CheckPasswordAsync("not-" + Password, CancellationToken.None).WaitAsync(Timeout);
        var right = await login.CheckPasswordAsync(Password, CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal(LoginOutcome.Failed(LoginStatus.PasswordInvalid), wrong);
        Assert.Equal(LoginStatus.LoggedIn, right.Status);
        Assert.Equal((1, 1), (emulator.World.Counters.LoginsFailed, emulator.World.Counters.LoginsSucceeded));
    }

    [Theory]
    [InlineData("+15550199")]
    [InlineData("not a phone")]
    public async Task Send_code_to_a_number_without_an_account_is_phone_number_invalid(string phone)
    {
        await using var emulator = new EmulatorServer();
        emulator.World.AddUser(Phone, "Alice");
        var login = await emulator.NewLoginAsync(Options);

        var error = await Assert.ThrowsAsync<TelegramPermanentException>(() => login.SendCodeAsync(phone, CancellationToken.None).WaitAsync(Timeout));

        Assert.Equal("PHONE_NUMBER_INVALID", error.ErrorCode);
        Assert.DoesNotContain(phone, error.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, emulator.World.Counters.CodesIssued);
    }

    [Fact]
    public async Task Send_code_to_a_banned_number_is_phone_number_banned()
    {
        await using var emulator = new EmulatorServer();
        emulator.World.AddUser(Phone, "Mallory");
        emulator.World.SetBanned(Phone, true);
        var login = await emulator.NewLoginAsync(Options);

        var error = await Assert.ThrowsAsync<TelegramPermanentException>(() => login.SendCodeAsync(Phone, CancellationToken.None).WaitAsync(Timeout));

        Assert.Equal("PHONE_NUMBER_BANNED", error.ErrorCode);
        Assert.DoesNotContain("5550100", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_for_a_number_banned_after_its_code_was_sent_is_phone_number_banned()
    {
        await using var emulator = new EmulatorServer();
        emulator.World.AddUser(Phone, "Mallory");
        var login = await emulator.NewLoginAsync(Options);
        var sent = await login.SendCodeAsync(Phone, CancellationToken.None).WaitAsync(Timeout);
        emulator.World.SetBanned(Phone, true);

        var outcome = await login.SignInAsync(Phone, sent.PhoneCodeHash, emulator.World.PeekLoginCode(Phone)!, CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal(LoginOutcome.Failed(LoginStatus.PhoneNumberBanned), outcome);
        Assert.Equal(0, emulator.World.Counters.LoginsSucceeded);
    }

    [Fact]
    public async Task A_cancelled_send_code_stays_a_cancellation_and_issues_no_code()
    {
        await using var emulator = new EmulatorServer();
        emulator.World.AddUser(Phone, "Alice");
        var login = await emulator.NewLoginAsync(Options);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => login.SendCodeAsync(Phone, cancelled.Token));

        Assert.Equal(0, emulator.World.Counters.CodesIssued);
    }
}
