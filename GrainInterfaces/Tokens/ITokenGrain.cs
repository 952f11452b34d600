using Orleans.Concurrency;

namespace Signals.Tokens;

/// <summary>
/// One token (key: "chain:address"). Subscribed implicitly to the <c>signals</c> stream; counts distinct channels in
/// windows, applies each destination's rules, raises alerts. Dedupes events by id (streams are at-least-once).
/// </summary>
[Alias("Signals.Tokens.ITokenGrain")]
public interface ITokenGrain : IGrainWithStringKey
{
    [AlwaysInterleave]
    [Alias("GetDetails")]
    Task<TokenDetails> GetDetailsAsync();
}
