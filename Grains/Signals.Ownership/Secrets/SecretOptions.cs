namespace Signals.Ownership;

/// <summary>
/// Configuration section <c>Signals:Secrets</c>: the keys that encrypt session secrets at rest (e.g. from a
/// Kubernetes Secret mounted as configuration). Keep old keys configured until <see cref="SecretRotator"/> has
/// re-encrypted everything under the new active one.
/// </summary>
public sealed class SecretOptions
{
    public const string Section = "Signals:Secrets";

    /// <summary>The id of the key in <see cref="Keys"/> that encrypts new data.</summary>
    public string? ActiveKeyId { get; set; }

    /// <summary>Key id → base64 of 32 random bytes (AES-256), e.g. <c>openssl rand -base64 32</c>.</summary>
    public Dictionary<string, string> Keys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The configuration key of one key, as messages name it: <c>Signals:Secrets:Keys:{keyId}</c>.</summary>
    public static string KeyPath(string keyId) => $"{Section}:{nameof(Keys)}:{keyId}";

    public static string ActiveKeyIdPath => $"{Section}:{nameof(ActiveKeyId)}";
}
