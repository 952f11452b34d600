using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Signals.Telegram.Errors;
using Signals.Telegram.Model;

namespace Signals.Telegram.Emulator.World;

/// <summary>auth.sendCode, auth.signIn and auth.checkPassword; guarded by the world's lock.</summary>
internal sealed class LoginDesk(UserDirectory users, WorldOptions options, WorldCounters counters, Random random)
{
    private const int CodeLength = 5;

    private readonly Dictionary<string, PendingLoginCode> _pending = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _lastIssued = new(StringComparer.Ordinal);
    private readonly Dictionary<long, ExportedLogin> _exports = [];

    public string? PeekCode(string phone) =>
        PhoneNumber.Normalize(phone) is { } normalized ? _lastIssued.GetValueOrDefault(normalized) : null;

    public LoginCodeSent SendCode(string phoneNumber, DateTimeOffset now)
    {
        var phone = PhoneNumber.Normalize(phoneNumber)
            ?? throw new TelegramPermanentException("PHONE_NUMBER_INVALID", "PHONE_NUMBER_INVALID: the phone number is not valid");

        // The emulator has no sign-up: a number without an account is as good as an invalid one.
        var user = users.ByPhone(phone)
            ?? throw new TelegramPermanentException("PHONE_NUMBER_INVALID", "PHONE_NUMBER_INVALID: no account has this phone number");
        if (user.IsBanned)
        {
            throw new TelegramPermanentException("PHONE_NUMBER_BANNED", "PHONE_NUMBER_BANNED: the account is banned");
        }

        var code = TestAccountCode(phone) ?? random.Next(0, 100_000).ToString("D5", CultureInfo.InvariantCulture);
        var hash = Convert.ToHexStringLower(RandomBytes(9));

        // A new code replaces the previous one, so an old hash stops working: Telegram behaves the same.
        _pending[phone] = new PendingLoginCode(hash, code, now + options.LoginCodeLifetime);
        _lastIssued[phone] = code;
        counters.Increment(CounterKind.CodesIssued);
        return new LoginCodeSent(hash, CodeLength);
    }

    public LoginOutcome SignIn(AuthKeyState key, string phoneNumber, string phoneCodeHash, string code, DateTimeOffset now)
    {
        var phone = PhoneNumber.Normalize(phoneNumber);
        var user = phone is null ? null : users.ByPhone(phone);
        if (phone is null || user is null)
        {
            return Fail(LoginStatus.PhoneNumberInvalid);
        }

        if (user.IsBanned)
        {
            return Fail(LoginStatus.PhoneNumberBanned);
        }

        if (!_pending.TryGetValue(phone, out var pending) || pending.PhoneCodeHash != phoneCodeHash)
        {
            return Fail(LoginStatus.CodeExpired);
        }

        if (now >= pending.ExpiresAt)
        {
            _pending.Remove(phone);
            return Fail(LoginStatus.CodeExpired);
        }

        if (!SecretEquals(pending.Code, code.Trim()))
        {
            return Fail(LoginStatus.CodeInvalid);
        }

        _pending.Remove(phone);
        if (user.Password is not null)
        {
            key.PasswordPendingUserId = user.Id;
            return LoginOutcome.NeedsPassword(user.PasswordHint);
        }

        return Authorize(key, user);
    }

    public LoginOutcome CheckPassword(AuthKeyState key, string password) =>
        CheckPassword(key, stored => SecretEquals(stored, password));

    /// <summary>The account this key's signIn is waiting on for its 2FA password, or null.</summary>
    public UserAccount? PasswordPendingUser(AuthKeyState key) =>
        key.PasswordPendingUserId is { } pendingId ? users.ById(pendingId) : null;

    /// <summary>
    /// checkPassword with the comparison left to the caller: an SRP front end never sees the password, only a proof
    /// it checks against a verifier derived from the stored one.
    /// </summary>
    public LoginOutcome CheckPassword(AuthKeyState key, Func<string, bool> matches)
    {
        // Telegram only takes checkPassword after a signIn that asked for it; otherwise the key is not logged in.
        var user = key.PasswordPendingUserId is { } pendingId ? users.ById(pendingId) : null;
        if (user is null)
        {
            throw new TelegramUnauthorizedException("AUTH_KEY_UNREGISTERED");
        }

        if (user.IsBanned)
        {
            return Fail(LoginStatus.PhoneNumberBanned);
        }

        return user.Password is not null && matches(user.Password)
            ? Authorize(key, user)
            : Fail(LoginStatus.PasswordInvalid);
    }

    /// <summary>auth.exportAuthorization: a one-time token that logs a key on <paramref name="dcId"/> in as <paramref name="user"/>.</summary>
    public (long Id, byte[] Bytes) Export(UserAccount user, int dcId)
    {
        var bytes = RandomBytes(32);
        var id = BitConverter.ToInt64(RandomBytes(8));
        _exports[id] = new ExportedLogin(user.Id, dcId, bytes);
        return (id, bytes);
    }

    /// <summary>auth.importAuthorization on <paramref name="dcId"/>: the token is spent; a wrong or spent one is AUTH_BYTES_INVALID.</summary>
    public LoginOutcome Import(AuthKeyState key, int dcId, long id, byte[] bytes)
    {
        if (!_exports.TryGetValue(id, out var export) || export.DcId != dcId
            || !CryptographicOperations.FixedTimeEquals(export.Bytes, bytes) || users.ById(export.UserId) is not { } user)
        {
            throw new TelegramPermanentException("AUTH_BYTES_INVALID", "AUTH_BYTES_INVALID: the exported authorization is not valid");
        }

        _exports.Remove(id);
        return user.IsBanned ? Fail(LoginStatus.PhoneNumberBanned) : Authorize(key, user);
    }

    /// <summary>Logs a key in without the code dance, for sessions a demo or test starts out logged in.</summary>
    public void AuthorizeDirectly(AuthKeyState key, UserAccount user) => Authorize(key, user);

    private LoginOutcome Authorize(AuthKeyState key, UserAccount user)
    {
        key.PasswordPendingUserId = null;
        key.UserId = user.Id;
        counters.Increment(CounterKind.LoginsSucceeded);
        return LoginOutcome.Success(user.ToTelegramUser());
    }

    private LoginOutcome Fail(LoginStatus status)
    {
        counters.Increment(CounterKind.LoginsFailed);
        return LoginOutcome.Failed(status);
    }

    private string? TestAccountCode(string phone)
    {
        // 99966XYYYY: X is the test DC, and the code is X five times (https://core.telegram.org/api/auth).
        return options.TestAccountCodes && phone.Length == 10 && phone.StartsWith("99966", StringComparison.Ordinal)
            ? new string(phone[5], CodeLength)
            : null;
    }

    private byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private static bool SecretEquals(string expected, string given) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(given));
}
