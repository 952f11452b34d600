namespace Signals.Secrets;

/// <summary>
/// What a rotation did. <see cref="Durable"/> false: nothing is stored (the embedded default). Values that could not be
/// decrypted are counted, never rewritten; <see cref="Problems"/> names their keys, never their contents.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Signals.Secrets.SecretRotationResult")]
public sealed record SecretRotationResult(
    [property: Id(0)] bool Durable,
    [property: Id(1)] string ActiveKeyId,
    [property: Id(2)] int Scanned,
    [property: Id(3)] int Rotated,
    [property: Id(4)] int AlreadyCurrent,
    [property: Id(5)] int Undecryptable,
    [property: Id(6)] int ChangedConcurrently,
    [property: Id(7)] IReadOnlyList<string> Problems);
