using System.Net;
using Signals.Telegram.Emulator.Server;
using Signals.Telegram.Mtproto.Sender;
using Signals.Telegram.Mtproto.Tests.Support;
using Signals.Telegram.Tl;
using Signals.Telegram.Tl.Auth;
using Signals.Telegram.Tl.Contacts;
using HelpGetConfig = Signals.Telegram.Tl.Help.GetConfig;

namespace Signals.Telegram.Mtproto.Tests.Server;

/// <summary>One world served as two DCs: config lists both, logins go to the home DC, authorizations move by export/import.</summary>
public sealed class DcMigrationTests
{
    private const string DcOnePhone = "9996610001";
    private static readonly TimeSpan Timeout = ApiFixture.Timeout;

    [Fact]
    public async Task Config_lists_every_DC_and_a_login_on_the_wrong_DC_is_PHONE_MIGRATE()
    {
        await using var api = new ApiFixture(new MtprotoServerOptions { DcId = 2, Dcs = new MtprotoDcSet() });
        await using var dcOne = StartDc(api, 1);
        api.World.AddUser(DcOnePhone, "Dina One", homeDc: 1);
        var onTwo = api.NewSender(api.Server);
        await onTwo.ConnectAsync().WaitAsync(Timeout);
        var onOne = api.NewSender(dcOne);
        await onOne.ConnectAsync().WaitAsync(Timeout);

        var config = await onTwo.InvokeAsync(new HelpGetConfig()).WaitAsync(Timeout);
        var migrate = await ApiFixture.ErrorOf(onTwo.InvokeAsync(SendCodeTo(DcOnePhone)));
        var sent = await onOne.InvokeAsync(SendCodeTo(DcOnePhone)).WaitAsync(Timeout);
        var homeHere = await onTwo.InvokeAsync(SendCodeTo(ApiFixture.ReaderPhone)).WaitAsync(Timeout);

        Assert.Equal([(1, dcOne.LocalEndPoint.Port), (2, api.Server.LocalEndPoint.Port)], config.DcOptions.Select(o => (o.Id, o.Port)));
        Assert.Equal((303, "PHONE_MIGRATE_1"), (migrate.Code, migrate.ErrorMessage));
        Assert.IsType<SentCode>(sent);
        Assert.IsType<SentCode>(homeHere);
    }

    [Fact]
    public async Task An_exported_authorization_logs_a_key_on_the_other_DC_in_once()
    {
        await using var api = new ApiFixture(new MtprotoServerOptions { DcId = 2, Dcs = new MtprotoDcSet() });
        await using var dcOne = StartDc(api, 1);
        var home = await api.LoggedInAsync();
        var visitor = api.NewSender(dcOne);
        await visitor.ConnectAsync().WaitAsync(Timeout);

        var before = await ApiFixture.ErrorOf(visitor.InvokeAsync(new ResolveUsername { Username = "gem_calls" }));
        var sameDc = await ApiFixture.ErrorOf(home.InvokeAsync(new ExportAuthorization { DcId = 2 }));
        var unknownDc = await ApiFixture.ErrorOf(home.InvokeAsync(new ExportAuthorization { DcId = 9 }));
        var exported = await home.InvokeAsync(new ExportAuthorization { DcId = 1 }).WaitAsync(Timeout);
        var imported = Assert.IsType<Signals.Telegram.Tl.Auth.Authorization>(await visitor.InvokeAsync(new ImportAuthorization { Id = exported.Id, Bytes = exported.Bytes }).WaitAsync(Timeout));
        var resolved = await visitor.InvokeAsync(new ResolveUsername { Username = "gem_calls" }).WaitAsync(Timeout);
        var third = api.NewSender(dcOne);
        await third.ConnectAsync().WaitAsync(Timeout);
        var reused = await ApiFixture.ErrorOf(third.InvokeAsync(new ImportAuthorization { Id = exported.Id, Bytes = exported.Bytes }));

        Assert.Equal((401, "AUTH_KEY_UNREGISTERED"), (before.Code, before.ErrorMessage));
        Assert.Equal((400, "DC_ID_INVALID"), (sameDc.Code, sameDc.ErrorMessage));
        Assert.Equal((400, "DC_ID_INVALID"), (unknownDc.Code, unknownDc.ErrorMessage));
        Assert.Equal(api.Reader.Id, Assert.IsType<User>(imported.User).Id);
        Assert.Equal(api.Calls.Id, ((PeerChannel)resolved.Peer).ChannelId);
        Assert.Equal((400, "AUTH_BYTES_INVALID"), (reused.Code, reused.ErrorMessage));
    }

    private static MtprotoServer StartDc(ApiFixture api, int dcId)
    {
        var server = new MtprotoServer(api.World, TestKeys.ServerKey, new MtprotoServerOptions { DcId = dcId, Dcs = api.Server.Options.Dcs });
        server.Start(new IPEndPoint(IPAddress.Loopback, 0));
        return server;
    }

    private static SendCode SendCodeTo(string phone) => new()
    {
        PhoneNumber = phone,
        ApiId = 1,
        ApiHash = "0123456789abcdef0123456789abcdef",
        Settings = new CodeSettings(),
    };
}
