namespace Signals.Client.Tests.Support.DeadLetters;

/// <summary>Configuration keys the dead-letter test cluster hands its (type-instantiated) configurators.</summary>
internal static class DeadLetterClusterSettings
{
    public const string Redis = "DeadLetterTest:Redis";
    public const string Durable = "DeadLetterTest:Durable";

    /// <summary>K, small so a poison event is set aside within seconds.</summary>
    public const int MaxDeliveryAttempts = 3;
}
