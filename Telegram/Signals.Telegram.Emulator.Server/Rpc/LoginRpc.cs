using System.Collections.Concurrent;
using System.Security.Cryptography;
using Signals.Telegram.Crypto;
using Signals.Telegram.Emulator.World;
using Signals.Telegram.Errors;
using Signals.Telegram.Model;
using Signals.Telegram.Tl;
using Signals.Telegram.Tl.Auth;
using Signals.Telegram.Tl.Mtproto;
using AccountGetPassword = Signals.Telegram.Tl.Account.GetPassword;
using AccountPassword = Signals.Telegram.Tl.Account.Password;

namespace Signals.Telegram.Emulator.Server;

/// <summary>
/// auth.sendCode, auth.signIn, account.getPassword and auth.checkPassword over the world. The world keeps the 2FA
/// password in plain text; like a real server that stores only a verifier, each getPassword derives one from it
/// under fresh random salts and checks the client's SRP proof against it, so the password never crosses the wire.
/// </summary>
internal sealed class LoginRpc(MtprotoDcSet dcs, int dcId)
{
    /// <summary>g of Telegram's SRP parameters (https://core.telegram.org/api/srp; GramJS and TDLib see g = 3).</summary>
    private const int SrpGenerator = 3;

    private readonly ConcurrentDictionary<long, PasswordChallenge> _challenges = new();

    public static bool Handles(TlFunction request) =>
        request is SendCode or SignIn or AccountGetPassword or CheckPassword or ExportAuthorization or ImportAuthorization;

    public TlObject Answer(TlFunction request, WorldConnection? world)
    {
        if (world is null)
        {
            return new RpcError { ErrorCode = 401, ErrorMessage = "AUTH_KEY_UNREGISTERED" };
        }

        try
        {
            return request switch
            {
                SendCode sendCode => AnswerSendCode(world, sendCode),
                SignIn signIn => AnswerSignIn(world, signIn),
                AccountGetPassword => AnswerGetPassword(world),
                CheckPassword check => AnswerCheckPassword(world, check),
                ExportAuthorization export => AnswerExport(world, export),
                ImportAuthorization import => ToAuthorization(world.ImportAuthorization(dcId, import.Id, import.Bytes)),
                _ => throw new ArgumentException($"Not a login call: {request.GetType().Name}.", nameof(request)),
            };
        }
        catch (TelegramException error)
        {
            return new RpcError { ErrorCode = error.Kind == TelegramErrorKind.Unauthorized ? 401 : 400, ErrorMessage = error.ErrorCode };
        }
    }

    private TlObject AnswerSendCode(WorldConnection world, SendCode request)
    {
        // An account lives on one DC; asking another for a code sends the client there (https://core.telegram.org/api/datacenter).
        if (world.HomeDcOf(request.PhoneNumber) is { } home && home != dcId && dcs.EndPoints.ContainsKey(home))
        {
            return Error(303, $"PHONE_MIGRATE_{home}");
        }

        var sent = world.SendCode(request.PhoneNumber);
        return new SentCode { Type = new SentCodeTypeSms { Length = sent.CodeLength }, PhoneCodeHash = sent.PhoneCodeHash };
    }

    private static TlObject AnswerSignIn(WorldConnection world, SignIn request) =>
        ToAuthorization(world.SignIn(request.PhoneNumber, request.PhoneCodeHash, request.PhoneCode ?? ""));

    private TlObject AnswerExport(WorldConnection world, ExportAuthorization request)
    {
        if (request.DcId == dcId || !dcs.EndPoints.ContainsKey(request.DcId))
        {
            return Error(400, "DC_ID_INVALID");
        }

        var (id, bytes) = world.ExportAuthorization(request.DcId);
        return new ExportedAuthorization { Id = id, Bytes = bytes };
    }

    private AccountPassword AnswerGetPassword(WorldConnection world)
    {
        var newAlgo = new PasswordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow
        {
            Salt1 = RandomNumberGenerator.GetBytes(8),
            Salt2 = RandomNumberGenerator.GetBytes(16),
            G = SrpGenerator,
            P = DhChecks.KnownTelegramPrime.ToArray(),
        };
        var answer = new AccountPassword
        {
            NewAlgo = newAlgo,
            NewSecureAlgo = new SecurePasswordKdfAlgoPBKDF2HMACSHA512iter100000 { Salt = RandomNumberGenerator.GetBytes(8) },
            SecureRandom = RandomNumberGenerator.GetBytes(32),
        };

        if (world.GetPendingPassword() is not { } pending)
        {
            _challenges.TryRemove(world.AuthKeyId, out _);
            return answer;
        }

        // Telegram extends salt1 with 32 random bytes per password (/api/srp); salt2 stays as published.
        var algorithm = new SrpAlgorithm([.. newAlgo.Salt1, .. RandomNumberGenerator.GetBytes(32)], newAlgo.Salt2, SrpGenerator, newAlgo.P);
        var verifier = SrpPassword.ComputeVerifier(algorithm, SrpPassword.ComputeHash(algorithm, pending.Password));
        var challenge = new PasswordChallenge(BitConverter.ToInt64(RandomNumberGenerator.GetBytes(8)), SrpServer.Create(algorithm, verifier));
        _challenges[world.AuthKeyId] = challenge;

        answer.HasPassword = true;
        answer.CurrentAlgo = new PasswordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow
        {
            Salt1 = algorithm.Salt1,
            Salt2 = algorithm.Salt2,
            G = algorithm.G,
            P = algorithm.P,
        };
        answer.SrpB = challenge.Srp.SrpB;
        answer.SrpId = challenge.SrpId;
        answer.Hint = pending.Hint;
        return answer;
    }

    private TlObject AnswerCheckPassword(WorldConnection world, CheckPassword request)
    {
        if (request.Password is not InputCheckPasswordSRP srp)
        {
            return new RpcError { ErrorCode = 400, ErrorMessage = "PASSWORD_HASH_INVALID" };
        }

        // One proof per challenge, as Telegram: a retry needs a fresh account.getPassword.
        if (!_challenges.TryRemove(world.AuthKeyId, out var challenge) || challenge.SrpId != srp.SrpId)
        {
            return new RpcError { ErrorCode = 400, ErrorMessage = "SRP_ID_INVALID" };
        }

        var proven = challenge.Srp.VerifyProof(srp.A, srp.M1);
        return ToAuthorization(world.CheckPassword(_ => proven));
    }

    private static TlObject ToAuthorization(LoginOutcome outcome) => outcome.Status switch
    {
        LoginStatus.LoggedIn => new Authorization { User = ToUser(outcome.User!) },
        LoginStatus.PasswordNeeded => Error(401, "SESSION_PASSWORD_NEEDED"),
        LoginStatus.CodeInvalid => Error(400, "PHONE_CODE_INVALID"),
        LoginStatus.CodeExpired => Error(400, "PHONE_CODE_EXPIRED"),
        LoginStatus.PasswordInvalid => Error(400, "PASSWORD_HASH_INVALID"),
        LoginStatus.PhoneNumberInvalid => Error(400, "PHONE_NUMBER_INVALID"),
        LoginStatus.PhoneNumberBanned => Error(400, "PHONE_NUMBER_BANNED"),
        var other => Error(500, $"LOGIN_STATUS_{other}"),
    };

    private static User ToUser(TelegramUser user) => new()
    {
        Self = true,
        Id = user.Id,
        AccessHash = 0,
        FirstName = user.DisplayName,
        Username = user.Username,
    };

    private static RpcError Error(int code, string message) => new() { ErrorCode = code, ErrorMessage = message };
}
