namespace Signals.Ownership;

/// <summary>What a rotation did, value by value (a hash counts each field).</summary>
/// <param name="KeysScanned">Keys matching the pattern.</param>
/// <param name="Rotated">Values rewritten under the active key.</param>
/// <param name="AlreadyCurrent">Protected values already under the active key (left alone).</param>
/// <param name="NotProtected">Values without the protected-data header, and keys of other types (left alone).</param>
/// <param name="Undecryptable">Protected values that could not be decrypted (left alone, listed in <paramref name="Problems"/>).</param>
/// <param name="ChangedConcurrently">Values that changed between read and write (left to their new writer).</param>
/// <param name="Problems">One line per value left undecrypted: the key, field and reason; never the value.</param>
public sealed record SecretRotationReport(
    int KeysScanned,
    int Rotated,
    int AlreadyCurrent,
    int NotProtected,
    int Undecryptable,
    int ChangedConcurrently,
    IReadOnlyList<string> Problems);
