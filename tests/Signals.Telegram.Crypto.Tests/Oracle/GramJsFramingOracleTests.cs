using System.Text.Json.Nodes;
using Signals.Telegram.Crypto.Tests.Support;
using Signals.Telegram.Mtproto.Transport;

namespace Signals.Telegram.Crypto.Tests.Oracle;

/// <summary>GramJS's own packet codecs (TCPFull, TCPAbridged) frame the same payloads to the same bytes as ours.</summary>
public sealed class GramJsFramingOracleTests
{
    [Theory]
    [InlineData(TransportKind.Full, "full")]
    [InlineData(TransportKind.Abridged, "abridged")]
    public void Client_frames_match_gramjs_packet_codec(TransportKind kind, string gramJsName)
    {
        var random = new Random(3001);
        var payloads = Enumerable.Range(0, 40).Select(i => GramJsCryptoOracleTests.Bytes(random, 4 * (i == 0 ? 126 : i == 1 ? 127 : random.Next(1, 2000)))).ToList();
        var results = GramJsOracle.Run([new JsonObject
        {
            ["op"] = "frame", ["transport"] = gramJsName, ["payloads"] = new JsonArray(payloads.Select(p => (JsonNode)Hex.Of(p)).ToArray()),
        }]);

        var theirs = results[0]["frames"]!.AsArray().Select(f => f!.GetValue<string>()).ToList();
        var codec = TransportCodec.Create(kind, TransportRole.Client);
        Assert.Equal(theirs, payloads.Select(p => Hex.Of(codec.EncodeFrame(p))).ToList());
    }
}
