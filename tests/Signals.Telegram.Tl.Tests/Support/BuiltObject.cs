using Signals.Telegram.TlGen.Schema;

namespace Signals.Telegram.Tl.Tests.Support;

// Inside the namespace: generated TL types (JsonObject, JsonArray) in the parent namespace would shadow these.
using System.Text.Json.Nodes;

/// <summary>A random object, and the same values described for the GramJS oracle.</summary>
internal sealed record BuiltObject(TlCombinator Combinator, TlObject Value, JsonObject Description);
