using Signals.Telegram.Crypto;
using Signals.Telegram.Errors;
using Signals.Telegram.Model;
using Signals.Telegram.Mtproto.Sender;
using Signals.Telegram.Tl;
using Signals.Telegram.Tl.Auth;
using AccountGetPassword = Signals.Telegram.Tl.Account.GetPassword;
using AccountPassword = Signals.Telegram.Tl.Account.Password;
using SrpKdfAlgo = Signals.Telegram.Tl.PasswordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow;

namespace Signals.Telegram.Client;

/// <summary>
/// Logging a session in over MTProto (https://core.telegram.org/api/auth): auth.sendCode, auth.signIn and, for
/// accounts with a 2FA password, account.getPassword + auth.checkPassword with an SRP proof
/// (https://core.telegram.org/api/srp), so the password itself never leaves the process.
/// Errors arrive as the port's typed outcomes or exceptions. A *_MIGRATE_X answer surfaces as
/// <see cref="TelegramMigrateException"/>: moving to the account's DC is the caller's job (not done here yet).
/// </summary>
public sealed class MtprotoLogin
{
    private readonly IMtprotoInvoker _invoker;
    private readonly MtprotoLoginOptions _options;

    public MtprotoLogin(IMtprotoInvoker invoker, MtprotoLoginOptions options)
    {
        ArgumentNullException.ThrowIfNull(invoker);
        ArgumentNullException.ThrowIfNull(options);
        _invoker = invoker;
        _options = options;
    }

    public MtprotoLogin(MtprotoSender sender, MtprotoLoginOptions options)
        : this(new MtprotoSenderInvoker(sender), options)
    {
    }

    /// <summary>Asks for a login code. An unusable number throws (PHONE_NUMBER_INVALID / _BANNED), as the port does.</summary>
    public async Task<LoginCodeSent> SendCodeAsync(string phone, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(phone);
        var request = new SendCode
        {
            PhoneNumber = phone,
            ApiId = _options.ApiId,
            ApiHash = _options.ApiHash,
            Settings = new CodeSettings(),
        };
        var answer = await CallAsync(request, cancellationToken);
        return answer switch
        {
            SentCode sent => new LoginCodeSent(sent.PhoneCodeHash, CodeLength(sent.Type)),

            // sentCodeSuccess only answers a sendCode that carried logout tokens, which this client never sends.
            _ => throw new TelegramPermanentException("SENT_CODE_UNEXPECTED", $"SENT_CODE_UNEXPECTED: auth.sendCode answered {answer.GetType().Name}"),
        };
    }

    public async Task<LoginOutcome> SignInAsync(string phone, string phoneCodeHash, string code, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(phone);
        ArgumentNullException.ThrowIfNull(phoneCodeHash);
        ArgumentNullException.ThrowIfNull(code);
        AuthorizationBase authorization;
        try
        {
            authorization = await _invoker.InvokeAsync(
                new SignIn { PhoneNumber = phone, PhoneCodeHash = phoneCodeHash, PhoneCode = code },
                cancellationToken);
        }
        catch (RpcErrorException error) when (error.ErrorMessage == RpcErrors.SessionPasswordNeeded)
        {
            // The code was right; the account also has a password. Its hint comes with account.getPassword.
            var password = await CallAsync(new AccountGetPassword(), cancellationToken);
            return LoginOutcome.NeedsPassword(password.Hint);
        }
        catch (RpcErrorException error) when (RpcErrors.LoginStatusOf(error) is not null)
        {
            return LoginOutcome.Failed(RpcErrors.LoginStatusOf(error)!.Value);
        }
        catch (RpcErrorException error)
        {
            throw RpcErrors.ToException(error);
        }

        return ToOutcome(authorization);
    }

    /// <summary>The 2FA step after <see cref="SignInAsync"/> answered <see cref="LoginStatus.PasswordNeeded"/>.</summary>
    public async Task<LoginOutcome> CheckPasswordAsync(string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(password);

        // A challenge (srp_id, srp_B) is good for one proof and may expire: on SRP_ID_INVALID fetch a fresh one once.
        for (var attempt = 0; ; attempt++)
        {
            var current = await CallAsync(new AccountGetPassword(), cancellationToken);
            var check = ProveKnowledge(current, password);
            try
            {
                return ToOutcome(await _invoker.InvokeAsync(new CheckPassword { Password = check }, cancellationToken));
            }
            catch (RpcErrorException error) when (error.ErrorMessage == RpcErrors.SrpIdInvalid && attempt == 0)
            {
            }
            catch (RpcErrorException error) when (RpcErrors.LoginStatusOf(error) is not null)
            {
                return LoginOutcome.Failed(RpcErrors.LoginStatusOf(error)!.Value);
            }
            catch (RpcErrorException error)
            {
                throw RpcErrors.ToException(error);
            }
        }
    }

    private static InputCheckPasswordSRP ProveKnowledge(AccountPassword current, string password)
    {
        if (!current.HasPassword || current.SrpB is not { } srpB || current.SrpId is not { } srpId)
        {
            throw new TelegramPermanentException("PASSWORD_NOT_SET", "PASSWORD_NOT_SET: account.getPassword offered no password to check");
        }

        if (current.CurrentAlgo is not SrpKdfAlgo algo)
        {
            var name = current.CurrentAlgo?.GetType().Name ?? "none";
            throw new TelegramPermanentException("PASSWORD_ALGO_UNSUPPORTED", $"PASSWORD_ALGO_UNSUPPORTED: the account's password uses {name}");
        }

        try
        {
            var proof = SrpClient.ComputeProof(new SrpAlgorithm(algo.Salt1, algo.Salt2, algo.G, algo.P), password, srpB);
            return new InputCheckPasswordSRP { SrpId = srpId, A = proof.A, M1 = proof.M1 };
        }
        catch (SrpException error)
        {
            // Bad p, g or srp_B: the server's parameters fail /api/srp's checks, so no proof may be sent at all.
            throw new TelegramPermanentException("SRP_PARAMETERS_INVALID", $"SRP_PARAMETERS_INVALID: {error.Message}");
        }
    }

    private async Task<TResult> CallAsync<TResult>(TlFunction<TResult> request, CancellationToken cancellationToken)
        where TResult : notnull
    {
        try
        {
            return await _invoker.InvokeAsync(request, cancellationToken);
        }
        catch (RpcErrorException error)
        {
            throw RpcErrors.ToException(error);
        }
    }

    private static LoginOutcome ToOutcome(AuthorizationBase authorization) => authorization switch
    {
        Authorization { User: User user } => LoginOutcome.Success(new TelegramUser(user.Id, DisplayName(user), user.Username)),
        Authorization { User: UserEmpty empty } => LoginOutcome.Success(new TelegramUser(empty.Id, "", null)),

        // Telegram wants a sign-up for a number without an account; this client does not register accounts.
        _ => LoginOutcome.Failed(LoginStatus.PhoneNumberInvalid),
    };

    private static string DisplayName(User user) =>
        string.Join(' ', new[] { user.FirstName, user.LastName }.Where(part => !string.IsNullOrWhiteSpace(part)));

    private static int CodeLength(SentCodeType type) => type switch
    {
        SentCodeTypeApp app => app.Length,
        SentCodeTypeSms sms => sms.Length,
        SentCodeTypeCall call => call.Length,
        SentCodeTypeMissedCall missed => missed.Length,
        _ => 0,
    };
}
