using Signals.Telegram.Crypto;
using Signals.Telegram.Mtproto.Sender;
using Signals.Telegram.Mtproto.Tests.Support;
using Signals.Telegram.Tl;
using Signals.Telegram.Tl.Auth;
using AccountGetPassword = Signals.Telegram.Tl.Account.GetPassword;
using AccountPassword = Signals.Telegram.Tl.Account.Password;

namespace Signals.Telegram.Mtproto.Tests.Client;

/// <summary>
/// The server's 2FA rules that GramJS's happy path does not reach, driven by our sender and our SRP client:
/// a challenge answers one proof only, and every getPassword hands out fresh salts and a fresh B.
/// </summary>
public sealed class SrpLoginAgainstServerTests
{
    private const string Phone = "9996631234";
    private const string Code = "33333";
    private const string Password = "open sesame";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task After_a_wrong_password_the_old_challenge_is_spent_and_a_fresh_one_logs_in()
    {
        await using var emulator = new EmulatorFixture();
        var user = emulator.World.AddUser(Phone, "Hal Retry", password: Password);
        await using var sender = await SignedInUpToPasswordAsync(emulator);

        var first = await sender.InvokeAsync(new AccountGetPassword()).WaitAsync(Timeout);
        var wrong = await Assert.ThrowsAsync<RpcErrorException>(() => CheckAsync(sender, first, "open sesame!"));
        var reused = await Assert.ThrowsAsync<RpcErrorException>(() => CheckAsync(sender, first, Password));
        var second = await sender.InvokeAsync(new AccountGetPassword()).WaitAsync(Timeout);
        var authorization = Assert.IsType<Authorization>(await CheckAsync(sender, second, Password));

        Assert.Equal((400, "PASSWORD_HASH_INVALID"), (wrong.Code, wrong.ErrorMessage));
        Assert.Equal((400, "SRP_ID_INVALID"), (reused.Code, reused.ErrorMessage));
        Assert.Equal(user.Id, Assert.IsType<User>(authorization.User).Id);
        Assert.Equal((1, 1), (emulator.World.Counters.LoginsSucceeded, emulator.World.Counters.LoginsFailed));
    }

    [Fact]
    public async Task Every_getPassword_has_fresh_salts_and_B_under_Telegrams_prime()
    {
        await using var emulator = new EmulatorFixture();
        emulator.World.AddUser(Phone, "Ida Salts", password: Password, passwordHint: "ali baba");
        await using var sender = await SignedInUpToPasswordAsync(emulator);

        var first = await sender.InvokeAsync(new AccountGetPassword()).WaitAsync(Timeout);
        var second = await sender.InvokeAsync(new AccountGetPassword()).WaitAsync(Timeout);

        var algo = Assert.IsType<PasswordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow>(first.CurrentAlgo);
        var algo2 = Assert.IsType<PasswordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow>(second.CurrentAlgo);
        Assert.True(DhChecks.IsKnownTelegramPrime(algo.P));
        Assert.Equal((true, "ali baba", 256), (first.HasPassword, first.Hint, first.SrpB!.Length));
        Assert.NotEqual(algo.Salt1, algo2.Salt1);
        Assert.NotEqual(algo.Salt2, algo2.Salt2);
        Assert.NotEqual(first.SrpB, second.SrpB);
        Assert.NotEqual(first.SrpId, second.SrpId);
    }

    private static async Task<MtprotoSender> SignedInUpToPasswordAsync(EmulatorFixture emulator)
    {
        var sender = emulator.NewSender(new InMemorySessionStore());
        await sender.ConnectAsync().WaitAsync(Timeout);
        var sent = Assert.IsType<SentCode>(await sender.InvokeAsync(new SendCode
        {
            PhoneNumber = Phone,
            ApiId = 1,
            ApiHash = "0123456789abcdef0123456789abcdef",
            Settings = new CodeSettings(),
        }).WaitAsync(Timeout));
        var needed = await Assert.ThrowsAsync<RpcErrorException>(() =>
            sender.InvokeAsync(new SignIn { PhoneNumber = Phone, PhoneCodeHash = sent.PhoneCodeHash, PhoneCode = Code }).WaitAsync(Timeout));
        Assert.Equal((401, "SESSION_PASSWORD_NEEDED"), (needed.Code, needed.ErrorMessage));
        return sender;
    }

    private static async Task<AuthorizationBase> CheckAsync(MtprotoSender sender, AccountPassword settings, string password)
    {
        var current = (PasswordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow)settings.CurrentAlgo!;
        var proof = SrpClient.ComputeProof(new SrpAlgorithm(current.Salt1, current.Salt2, current.G, current.P), password, settings.SrpB);
        var request = new CheckPassword { Password = new InputCheckPasswordSRP { SrpId = settings.SrpId!.Value, A = proof.A, M1 = proof.M1 } };
        return await sender.InvokeAsync(request).WaitAsync(Timeout);
    }
}
