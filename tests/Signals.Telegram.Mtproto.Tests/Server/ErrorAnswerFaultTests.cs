using System.Net;
using Signals.Telegram.Emulator.Server;
using Signals.Telegram.Mtproto.Tests.Support;
using Signals.Telegram.Tl;
using Signals.Telegram.Tl.Auth;
using Signals.Telegram.Tl.Contacts;

namespace Signals.Telegram.Mtproto.Tests.Server;

/// <summary>The server fault that answers the next API calls with a chosen RPC error (USER_MIGRATE_X and friends).</summary>
public sealed class ErrorAnswerFaultTests
{
    private static readonly TimeSpan Timeout = ApiFixture.Timeout;

    [Fact]
    public async Task Migrate_answers_cover_the_next_calls_only_and_spare_connection_setup_and_the_login_transfer()
    {
        await using var api = new ApiFixture(new MtprotoServerOptions { DcId = 2, Dcs = new MtprotoDcSet() });
        await using var dcOne = StartDc(api, 1);
        var home = await api.LoggedInAsync();

        api.Server.Faults.MigrateNextCalls(1, count: 2);
        var joiner = await api.LoggedInAsync();
        var first = await ApiFixture.ErrorOf(home.InvokeAsync(Resolve()));
        var exported = await home.InvokeAsync(new ExportAuthorization { DcId = 1 }).WaitAsync(Timeout);
        var second = await ApiFixture.ErrorOf(joiner.InvokeAsync(Resolve()));
        var served = await home.InvokeAsync(Resolve()).WaitAsync(Timeout);
        var visitor = api.NewSender(dcOne);
        await visitor.ConnectAsync().WaitAsync(Timeout);
        var imported = await visitor.InvokeAsync(new ImportAuthorization { Id = exported.Id, Bytes = exported.Bytes }).WaitAsync(Timeout);

        Assert.Equal((303, "USER_MIGRATE_1"), (first.Code, first.ErrorMessage));
        Assert.Equal((303, "USER_MIGRATE_1"), (second.Code, second.ErrorMessage));
        Assert.Equal(api.Calls.Id, ((PeerChannel)served.Peer).ChannelId);
        Assert.Equal(api.Reader.Id, Assert.IsType<User>(Assert.IsType<Signals.Telegram.Tl.Auth.Authorization>(imported).User).Id);
    }

    [Fact]
    public async Task Any_error_can_be_armed_and_arming_again_replaces_what_was_left()
    {
        await using var api = new ApiFixture();
        var sender = await api.LoggedInAsync();

        api.Server.Faults.MigrateNextCalls(4, "NETWORK_MIGRATE", count: 5);
        var network = await ApiFixture.ErrorOf(sender.InvokeAsync(Resolve()));
        api.Server.Faults.AnswerNextCallsWithError(500, "INTERNAL_SERVER_ERROR");
        var internalError = await ApiFixture.ErrorOf(sender.InvokeAsync(Resolve()));
        var served = await sender.InvokeAsync(Resolve()).WaitAsync(Timeout);

        Assert.Equal((303, "NETWORK_MIGRATE_4"), (network.Code, network.ErrorMessage));
        Assert.Equal((500, "INTERNAL_SERVER_ERROR"), (internalError.Code, internalError.ErrorMessage));
        Assert.Equal(api.Calls.Id, ((PeerChannel)served.Peer).ChannelId);
    }

    private static ResolveUsername Resolve() => new() { Username = "gem_calls" };

    private static MtprotoServer StartDc(ApiFixture api, int dcId)
    {
        var server = new MtprotoServer(api.World, TestKeys.ServerKey, new MtprotoServerOptions { DcId = dcId, Dcs = api.Server.Options.Dcs });
        server.Start(new IPEndPoint(IPAddress.Loopback, 0));
        return server;
    }
}
