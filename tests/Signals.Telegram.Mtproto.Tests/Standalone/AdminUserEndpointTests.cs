using System.Net;
using Signals.Telegram.Mtproto.Sender;
using Signals.Telegram.Tl;
using Signals.Telegram.Tl.Auth;
using Authorization = Signals.Telegram.Tl.Auth.Authorization;

namespace Signals.Telegram.Mtproto.Tests.Standalone;

/// <summary>Accounts over the admin API, including the login a harness drives: MTProto sendCode, admin /code, signIn.</summary>
public sealed class AdminUserEndpointTests
{
    // Not a 99966 test number, so the code is random and only the admin API can tell it.
    private const string Phone = "+44 7700 900123";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Created_user_logs_in_over_MTProto_with_the_code_from_the_admin_api()
    {
        await using var test = await StandaloneFixture.StartAsync();
        var created = (await test.Admin.PostAsync("/users", new { phone = Phone, name = "Nia Harness", username = "nia_h" })).AssertStatus(HttpStatusCode.Created);
        await using var sender = test.NewSender();
        await sender.ConnectAsync().WaitAsync(Timeout);

        var noCodeYet = await test.Admin.GetAsync($"/users/{Uri.EscapeDataString(Phone)}/code");
        var sent = Assert.IsType<SentCode>(await sender.InvokeAsync(new SendCode
        {
            PhoneNumber = Phone,
            ApiId = 1,
            ApiHash = "0123456789abcdef0123456789abcdef",
            Settings = new CodeSettings(),
        }).WaitAsync(Timeout));
        var code = (await test.Admin.GetAsync($"/users/{Uri.EscapeDataString(Phone)}/code")).AssertStatus(HttpStatusCode.OK)["code"].GetString()!;
        var authorization = Assert.IsType<Authorization>(await sender.InvokeAsync(
            new SignIn { PhoneNumber = Phone, PhoneCodeHash = sent.PhoneCodeHash, PhoneCode = code }).WaitAsync(Timeout));

        noCodeYet.AssertError(HttpStatusCode.NotFound);
        Assert.Equal(created["id"].GetInt64(), Assert.IsType<User>(authorization.User).Id);
        Assert.Equal(("447700900123", "Nia Harness", "nia_h"), (created["phone"].GetString(), created["name"].GetString(), created["username"].GetString()));
    }

    [Fact]
    public async Task User_lookup_and_ban_round_trip()
    {
        await using var test = await StandaloneFixture.StartAsync();
        var id = (await test.Admin.PostAsync("/users", new { phone = Phone, name = "Ola Ban", password = "pw" })).AssertStatus(HttpStatusCode.Created)["id"].GetInt64();

        var banned = (await test.Admin.PostAsync("/users/447700900123/ban")).AssertStatus(HttpStatusCode.OK);
        var afterBan = (await test.Admin.GetAsync("/users/447700900123")).AssertStatus(HttpStatusCode.OK);
        (await test.Admin.DeleteAsync("/users/447700900123/ban")).AssertStatus(HttpStatusCode.OK);
        var afterUnban = (await test.Admin.GetAsync("/users/447700900123")).AssertStatus(HttpStatusCode.OK);

        Assert.Equal((id, true), (banned["userId"].GetInt64(), banned["banned"].GetBoolean()));
        Assert.Equal((true, true), (afterBan["banned"].GetBoolean(), afterBan["hasPassword"].GetBoolean()));
        Assert.True(test.World.FindUser(Phone)!.HasPassword);
        Assert.False(afterUnban["banned"].GetBoolean());
    }

    [Fact]
    public async Task Bad_user_input_gets_4xx_with_a_message()
    {
        await using var test = await StandaloneFixture.StartAsync();
        (await test.Admin.PostAsync("/users", new { phone = Phone, name = "First", username = "first_one" })).AssertStatus(HttpStatusCode.Created);

        (await test.Admin.PostAsync("/users", new { phone = Phone, name = "Again" })).AssertError(HttpStatusCode.Conflict);
        (await test.Admin.PostAsync("/users", new { phone = "+1 202 555 0188", name = "Taken", username = "first_one" })).AssertError(HttpStatusCode.Conflict);
        (await test.Admin.PostAsync("/users", new { phone = "not a phone", name = "X" })).AssertError(HttpStatusCode.BadRequest);
        (await test.Admin.PostAsync("/users", new { phone = "+1 202 555 0188" })).AssertError(HttpStatusCode.BadRequest);
        (await test.Admin.PostAsync("/users", new { phone = "+1 202 555 0188", name = "X", dc = 5 })).AssertError(HttpStatusCode.BadRequest);
        (await test.Admin.PostAsync("/users", new { phone = "+1 202 555 0188", name = "X", username = "9bad name" })).AssertError(HttpStatusCode.BadRequest);
        (await test.Admin.PostAsync("/users", new { phone = "+1 202 555 0188", name = "X", nmae = "typo" })).AssertError(HttpStatusCode.BadRequest);
        (await test.Admin.SendRawAsync(HttpMethod.Post, "/users", "{\"phone\": ")).AssertError(HttpStatusCode.BadRequest);
        (await test.Admin.SendRawAsync(HttpMethod.Post, "/users", "null")).AssertError(HttpStatusCode.BadRequest);
        (await test.Admin.SendRawAsync(HttpMethod.Post, "/users", "phone=1", "application/x-www-form-urlencoded")).AssertError(HttpStatusCode.UnsupportedMediaType);
        (await test.Admin.GetAsync("/users/12025550188")).AssertError(HttpStatusCode.NotFound);
        (await test.Admin.GetAsync("/users/12025550188/code")).AssertError(HttpStatusCode.NotFound);
        (await test.Admin.PostAsync("/users/12025550188/ban")).AssertError(HttpStatusCode.NotFound);
        Assert.Null(test.World.FindUser("+1 202 555 0188"));
    }

    [Fact]
    public async Task Error_messages_never_echo_the_phone_number()
    {
        await using var test = await StandaloneFixture.StartAsync();
        (await test.Admin.PostAsync("/users", new { phone = Phone, name = "First" })).AssertStatus(HttpStatusCode.Created);

        var messages = new[]
        {
            (await test.Admin.PostAsync("/users", new { phone = Phone, name = "Again" })).AssertError(HttpStatusCode.Conflict),
            (await test.Admin.GetAsync("/users/447700900123/code")).AssertError(HttpStatusCode.NotFound),
            (await test.Admin.GetAsync("/users/12025550188")).AssertError(HttpStatusCode.NotFound),
        };

        Assert.All(messages, m => Assert.DoesNotContain("7700900123", m.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal));
        Assert.All(messages, m => Assert.DoesNotContain("2025550188", m, StringComparison.Ordinal));
    }
}
