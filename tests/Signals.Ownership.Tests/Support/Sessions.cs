namespace Signals.Ownership.Tests.Support;

/// <summary>Unique names, so tests sharing one Redis never see each other's leases.</summary>
internal static class Sessions
{
    public static string New(string hint = "s") => $"{hint}-{Guid.NewGuid():N}";

    public static string ServiceId() => $"svc-{Guid.NewGuid():N}";
}
