namespace Signals.Detection.Scanning;

/// <summary>Which address forms a <see cref="Candidate"/> may be.</summary>
internal enum CandidateKind : byte
{
    /// <summary>A maximal run of ASCII letters and digits: Solana, EVM, or the hex of a TON raw address.</summary>
    AlnumPiece,

    /// <summary>A maximal run of the base64url alphabet: a TON friendly address.</summary>
    UrlRun,

    /// <summary>A maximal run of the standard base64 alphabet: a TON friendly address.</summary>
    StandardRun,
}
