using System.Security.Cryptography;
using Signals.Telegram.Crypto;
using Signals.Telegram.Mtproto.Sender;
using Signals.Telegram.Tl;
using Signals.Telegram.Tl.Auth;
using AccountPassword = Signals.Telegram.Tl.Account.Password;

namespace Signals.Telegram.Client.Tests.Support;

/// <summary>
/// The server's half of 2FA for unit tests: a verifier for one password under random salts, a fresh SRP challenge per
/// account.getPassword, and a check of the client's proof (so a test can only pass with a correct SRP computation).
/// </summary>
internal sealed class FakePasswordServer
{
    private readonly SrpAlgorithm _algorithm;
    private readonly byte[] _verifier;
    private SrpServer? _srp;
    private long _srpId;

    public FakePasswordServer(string password, string? hint)
    {
        _algorithm = new SrpAlgorithm(RandomNumberGenerator.GetBytes(40), RandomNumberGenerator.GetBytes(16), 3, DhChecks.KnownTelegramPrime.ToArray());
        _verifier = SrpPassword.ComputeVerifier(_algorithm, SrpPassword.ComputeHash(_algorithm, password));
        Hint = hint;
    }

    public string? Hint { get; }

    public int ChallengesIssued { get; private set; }

    public AccountPassword GetPassword()
    {
        _srp = SrpServer.Create(_algorithm, _verifier);
        _srpId = ++ChallengesIssued;
        return new AccountPassword
        {
            HasPassword = true,
            CurrentAlgo = new PasswordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow
            {
                Salt1 = _algorithm.Salt1,
                Salt2 = _algorithm.Salt2,
                G = _algorithm.G,
                P = _algorithm.P,
            },
            SrpB = _srp.SrpB,
            SrpId = _srpId,
            Hint = Hint,
            NewAlgo = new PasswordKdfAlgoUnknown(),
            NewSecureAlgo = new SecurePasswordKdfAlgoUnknown(),
        };
    }

    public AuthorizationBase Check(CheckPassword request, User user)
    {
        var srp = (InputCheckPasswordSRP)request.Password;
        if (_srp is null || srp.SrpId != _srpId)
        {
            throw new RpcErrorException(400, "SRP_ID_INVALID");
        }

        var proven = _srp.VerifyProof(srp.A, srp.M1);
        _srp = null;
        return proven ? new Authorization { User = user } : throw new RpcErrorException(400, "PASSWORD_HASH_INVALID");
    }
}
