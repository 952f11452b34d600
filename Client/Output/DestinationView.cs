using Signals.Catalog;

namespace Signals.Client.Output;

public sealed record DestinationView(string Name, DeliveryChannelKind Via, string Session, string Peer, IReadOnlyList<RuleView> Rules)
{
    public static DestinationView From(DestinationEntry d) => new(d.Name, d.Via, d.Session, d.Peer, d.Rules.Select(RuleView.From).ToList());
}
