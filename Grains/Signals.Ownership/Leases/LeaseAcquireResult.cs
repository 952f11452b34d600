namespace Signals.Ownership;

/// <summary>The outcome of one acquisition attempt: <see cref="LeaseGranted"/> or <see cref="LeaseHeld"/>.</summary>
public abstract record LeaseAcquireResult;
