using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Signals.Telegram.Client.Peers;
using Signals.Telegram.Client.Session;
using Signals.Telegram.Client.Tests.Support;
using Signals.Telegram.Tl;
using Signals.Telegram.Tl.Contacts;

namespace Signals.Telegram.Client.Tests.Peers;

public sealed class PeerResolverTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Cached_names_make_no_call_and_new_names_beyond_the_burst_wait_for_the_bucket()
    {
        var time = new FakeTimeProvider();
        var invoker = new ScriptedInvoker(call =>
        {
            var name = ((ResolveUsername)call).Username;
            var id = 1000 + name.Length;
            return new ResolvedPeer { Peer = new PeerChannel { ChannelId = id }, Chats = [TlBuild.Channel(id, id * 7, name)] };
        });
        var state = new SessionState(2);
        var resolver = new PeerResolver(invoker, state, new TokenBucket(2, TimeSpan.FromSeconds(10), time), "test", NullLogger.Instance);

        var a = await resolver.ResolveAsync("@a", CancellationToken.None).WaitAsync(Timeout);
        var bb = await resolver.ResolveAsync("bb", CancellationToken.None).WaitAsync(Timeout);
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(a, await resolver.ResolveAsync("A", CancellationToken.None).WaitAsync(Timeout));
        }

        var third = resolver.ResolveAsync("ccc", CancellationToken.None);
        await Task.Delay(100);
        Assert.False(third.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(10));
        var ccc = await third.WaitAsync(Timeout);

        Assert.Equal((1001L, 7007L), (a.Id, a.AccessHash));
        Assert.Equal(1002L, bb.Id);
        Assert.Equal(1003L, ccc.Id);
        Assert.Equal(3, invoker.Calls.Count);
        Assert.Equal(3, resolver.ResolveCalls);
    }
}
