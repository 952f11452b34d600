namespace Signals.Ownership.Tests.Support;

/// <summary>Waits for a condition with a generous deadline: tests assert outcomes, never how fast they came.</summary>
internal static class Eventually
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    public static async Task<T> ResultAsync<T>(Task<T> task) => await task.WaitAsync(Deadline);

    public static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Still not true after {Deadline}: {what}");
            }

            await Task.Delay(10);
        }
    }
}
