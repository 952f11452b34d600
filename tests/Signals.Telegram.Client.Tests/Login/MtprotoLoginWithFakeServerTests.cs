using Signals.Telegram.Client.Tests.Support;
using Signals.Telegram.Errors;
using Signals.Telegram.Model;
using Signals.Telegram.Mtproto.Sender;
using Signals.Telegram.Tl;
using Signals.Telegram.Tl.Auth;
using AccountGetPassword = Signals.Telegram.Tl.Account.GetPassword;
using AccountPassword = Signals.Telegram.Tl.Account.Password;

namespace Signals.Telegram.Client.Tests.Login;

/// <summary>The login calls and their error mapping against scripted answers (the real server is in the other tests).</summary>
public sealed class MtprotoLoginWithFakeServerTests
{
    private const string Phone = "+15550101";
    private const string Code = "24680";
    private const string Password = "correct horse battery";
    private const string ApiHash = "0123456789abcdef0123456789abcdef";

    private static readonly MtprotoLoginOptions Options = new() { ApiId = 4711, ApiHash = ApiHash };

    private static readonly User Alice = new() { Id = 1001, FirstName = "Alice", LastName = "Liddell", Username = "alice" };

    [Fact]
    public async Task Send_code_passes_the_app_credentials_and_returns_the_hash_and_code_length()
    {
        var invoker = new FakeInvoker(_ => new SentCode { Type = new SentCodeTypeSms { Length = 6 }, PhoneCodeHash = "abc123" });

        var sent = await new MtprotoLogin(invoker, Options).SendCodeAsync(Phone, CancellationToken.None);

        Assert.Equal(new LoginCodeSent("abc123", 6), sent);
        var request = Assert.IsType<SendCode>(Assert.Single(invoker.Calls));
        Assert.Equal((Phone, 4711, ApiHash), (request.PhoneNumber, request.ApiId, request.ApiHash));
    }

    [Theory]
    [InlineData("PHONE_NUMBER_INVALID")]
    [InlineData("PHONE_NUMBER_BANNED")]
    public async Task Send_code_for_an_unusable_number_throws_a_permanent_error_without_the_number(string name)
    {
        var login = new MtprotoLogin(new FakeInvoker(_ => throw new RpcErrorException(400, name)), Options);

        var error = await Assert.ThrowsAsync<TelegramPermanentException>(() => login.SendCodeAsync(Phone, CancellationToken.None));

        Assert.Equal(name, error.ErrorCode);
        AssertNoSecrets(error);
    }

    [Fact]
    public async Task Send_code_answered_with_phone_migrate_names_the_dc()
    {
        var login = new MtprotoLogin(new FakeInvoker(_ => throw new RpcErrorException(303, "PHONE_MIGRATE_4")), Options);

        var error = await Assert.ThrowsAsync<TelegramMigrateException>(() => login.SendCodeAsync(Phone, CancellationToken.None));

        Assert.Equal(4, error.DcId);
        AssertNoSecrets(error);
    }

    [Fact]
    public async Task Flood_wait_on_sign_in_is_a_flood_wait_exception_without_secrets()
    {
        var login = new MtprotoLogin(new FakeInvoker(_ => throw new RpcErrorException(420, "FLOOD_WAIT_30")), Options);

        var error = await Assert.ThrowsAsync<TelegramFloodWaitException>(() => login.SignInAsync(Phone, "hash", Code, CancellationToken.None));

        Assert.Equal(TimeSpan.FromSeconds(30), error.RetryAfter);
        AssertNoSecrets(error);
    }

    [Fact]
    public async Task Sign_in_with_the_right_code_returns_the_user()
    {
        var invoker = new FakeInvoker(_ => new Authorization { User = Alice });

        var outcome = await new MtprotoLogin(invoker, Options).SignInAsync(Phone, "hash", Code, CancellationToken.None);

        Assert.Equal(LoginOutcome.Success(new TelegramUser(1001, "Alice Liddell", "alice")), outcome);
        var request = Assert.IsType<SignIn>(Assert.Single(invoker.Calls));
        Assert.Equal((Phone, "hash", Code), (request.PhoneNumber, request.PhoneCodeHash, request.PhoneCode));
    }

    [Theory]
    [InlineData("PHONE_CODE_INVALID", LoginStatus.CodeInvalid)]
    [InlineData("PHONE_CODE_EXPIRED", LoginStatus.CodeExpired)]
    [InlineData("PHONE_NUMBER_INVALID", LoginStatus.PhoneNumberInvalid)]
    [InlineData("PHONE_NUMBER_BANNED", LoginStatus.PhoneNumberBanned)]
    public async Task Sign_in_errors_become_typed_outcomes(string name, LoginStatus status)
    {
        var login = new MtprotoLogin(new FakeInvoker(_ => throw new RpcErrorException(400, name)), Options);

        var outcome = await login.SignInAsync(Phone, "hash", Code, CancellationToken.None);

        Assert.Equal(LoginOutcome.Failed(status), outcome);
    }

    [Fact]
    public async Task Sign_in_that_needs_a_password_fetches_the_hint()
    {
        var server = new FakePasswordServer(Password, "the usual");
        var invoker = new FakeInvoker(call => call switch
        {
            SignIn => throw new RpcErrorException(401, "SESSION_PASSWORD_NEEDED"),
            AccountGetPassword => server.GetPassword(),
            _ => throw new InvalidOperationException(call.GetType().Name),
        });

        var outcome = await new MtprotoLogin(invoker, Options).SignInAsync(Phone, "hash", Code, CancellationToken.None);

        Assert.Equal(LoginOutcome.NeedsPassword("the usual"), outcome);
    }

    [Fact]
    public async Task Sign_up_required_is_reported_as_an_invalid_number()
    {
        var login = new MtprotoLogin(new FakeInvoker(_ => new AuthorizationSignUpRequired()), Options);

        var outcome = await login.SignInAsync(Phone, "hash", Code, CancellationToken.None);

        Assert.Equal(LoginStatus.PhoneNumberInvalid, outcome.Status);
    }

    [Theory]
    [InlineData(Password, LoginStatus.LoggedIn)]
    [InlineData("wrong horse", LoginStatus.PasswordInvalid)]
    public async Task Check_password_sends_an_srp_proof_the_server_can_verify(string password, LoginStatus expected)
    {
        var server = new FakePasswordServer(Password, null);
        var invoker = new FakeInvoker(call => call switch
        {
            AccountGetPassword => server.GetPassword(),
            CheckPassword check => server.Check(check, Alice),
            _ => throw new InvalidOperationException(call.GetType().Name),
        });

        var outcome = await new MtprotoLogin(invoker, Options).CheckPasswordAsync(password, CancellationToken.None);

        Assert.Equal(expected, outcome.Status);
        var check = Assert.IsType<InputCheckPasswordSRP>(invoker.Calls.OfType<CheckPassword>().Single().Password);
        Assert.Equal((256, 32), (check.A.Length, check.M1.Length));
    }

    [Fact]
    public async Task Check_password_retries_once_with_a_fresh_challenge_when_the_srp_id_expired()
    {
        var server = new FakePasswordServer(Password, null);
        var expireNext = true;
        var invoker = new FakeInvoker(call =>
        {
            switch (call)
            {
                case AccountGetPassword:
                    return server.GetPassword();
                case CheckPassword when expireNext:
                    expireNext = false;
                    throw new RpcErrorException(400, "SRP_ID_INVALID");
                case CheckPassword check:
                    return server.Check(check, Alice);
                default:
                    throw new InvalidOperationException(call.GetType().Name);
            }
        });

        var outcome = await new MtprotoLogin(invoker, Options).CheckPasswordAsync(Password, CancellationToken.None);

        Assert.Equal(LoginStatus.LoggedIn, outcome.Status);
        Assert.Equal(2, server.ChallengesIssued);
    }

    [Fact]
    public async Task Check_password_gives_up_after_the_second_expired_challenge()
    {
        var server = new FakePasswordServer(Password, null);
        var invoker = new FakeInvoker(call => call is AccountGetPassword ? server.GetPassword() : throw new RpcErrorException(400, "SRP_ID_INVALID"));

        var error = await Assert.ThrowsAsync<TelegramPermanentException>(
            () => new MtprotoLogin(invoker, Options).CheckPasswordAsync(Password, CancellationToken.None));

        Assert.Equal("SRP_ID_INVALID", error.ErrorCode);
        Assert.Equal(2, server.ChallengesIssued);
        AssertNoSecrets(error);
    }

    [Fact]
    public async Task Check_password_without_a_password_on_the_account_sends_no_proof()
    {
        var invoker = new FakeInvoker(_ => new AccountPassword
        {
            NewAlgo = new PasswordKdfAlgoUnknown(),
            NewSecureAlgo = new SecurePasswordKdfAlgoUnknown(),
        });

        var error = await Assert.ThrowsAsync<TelegramPermanentException>(
            () => new MtprotoLogin(invoker, Options).CheckPasswordAsync(Password, CancellationToken.None));

        Assert.Equal("PASSWORD_NOT_SET", error.ErrorCode);
        Assert.DoesNotContain(invoker.Calls, call => call is CheckPassword);
    }

    [Fact]
    public async Task Check_password_refuses_a_bad_srp_b_without_sending_a_proof()
    {
        var server = new FakePasswordServer(Password, null);
        var invoker = new FakeInvoker(_ =>
        {
            var password = server.GetPassword();
            password.SrpB = new byte[256]; // B = 0 fails /api/srp's 0 < B < p check.
            return password;
        });

        var error = await Assert.ThrowsAsync<TelegramPermanentException>(
            () => new MtprotoLogin(invoker, Options).CheckPasswordAsync(Password, CancellationToken.None));

        Assert.Equal("SRP_PARAMETERS_INVALID", error.ErrorCode);
        Assert.DoesNotContain(invoker.Calls, call => call is CheckPassword);
    }

    [Fact]
    public void Options_never_print_the_api_hash()
    {
        Assert.DoesNotContain(ApiHash, Options.ToString(), StringComparison.Ordinal);
        Assert.Contains("4711", Options.ToString(), StringComparison.Ordinal);
    }

    private static void AssertNoSecrets(Exception error)
    {
        foreach (var secret in new[] { Phone, "15550101", Code, Password, ApiHash })
        {
            Assert.DoesNotContain(secret, error.ToString(), StringComparison.Ordinal);
        }
    }
}
