using System.Security.Cryptography;

namespace Signals.Ownership.Tests.Secrets;

internal static class TestKeys
{
    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static SecretOptions Options(string activeKeyId, params (string Id, string Key)[] keys)
    {
        var options = new SecretOptions { ActiveKeyId = activeKeyId };
        foreach (var (id, key) in keys)
        {
            options.Keys[id] = key;
        }

        return options;
    }
}
