namespace Signals.Testing.Cluster;

/// <summary>The secrets-at-rest key of test clusters (32 bytes of 0x5A; obviously not a production key).</summary>
public static class TestSecrets
{
    public const string KeyId = "test1";

    public static readonly string Key = Convert.ToBase64String(Enumerable.Repeat((byte)0x5A, 32).ToArray());
}
