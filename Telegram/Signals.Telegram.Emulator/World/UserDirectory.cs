namespace Signals.Telegram.Emulator.World;

/// <summary>Accounts by phone and id (usernames live in the chat directory, shared by all peers); guarded by the world's lock.</summary>
internal sealed class UserDirectory
{
    // Telegram user ids of new accounts are large; a range of their own keeps ids unique across peer kinds.
    private const long FirstUserId = 5_000_000_001;

    private readonly Dictionary<string, UserAccount> _byPhone = new(StringComparer.Ordinal);
    private readonly Dictionary<long, UserAccount> _byId = [];
    private long _nextId = FirstUserId;

    public UserAccount Add(string phone, string displayName, string? username, string? password, string? passwordHint, int homeDc)
    {
        if (_byPhone.ContainsKey(phone))
        {
            throw new ArgumentException("an account with this phone number exists already", nameof(phone));
        }

        var user = new UserAccount(_nextId++, phone, displayName, username, password, passwordHint, homeDc);
        _byPhone.Add(phone, user);
        _byId.Add(user.Id, user);
        return user;
    }

    public UserAccount? ByPhone(string normalizedPhone) => _byPhone.GetValueOrDefault(normalizedPhone);

    public UserAccount? ById(long id) => _byId.GetValueOrDefault(id);

    public IEnumerable<UserAccount> All => _byId.Values;
}
