using Signals.Telegram.Errors;
using Signals.Telegram.Model;
using Signals.Telegram.Mtproto.Sender;

namespace Signals.Telegram.Client.Tests.Errors;

public sealed class RpcErrorsTests
{
    [Theory]
    [InlineData("PHONE_CODE_INVALID", LoginStatus.CodeInvalid)]
    [InlineData("PHONE_CODE_EMPTY", LoginStatus.CodeInvalid)]
    [InlineData("PHONE_CODE_EXPIRED", LoginStatus.CodeExpired)]
    [InlineData("PHONE_NUMBER_INVALID", LoginStatus.PhoneNumberInvalid)]
    [InlineData("PHONE_NUMBER_UNOCCUPIED", LoginStatus.PhoneNumberInvalid)]
    [InlineData("PHONE_NUMBER_BANNED", LoginStatus.PhoneNumberBanned)]
    [InlineData("PASSWORD_HASH_INVALID", LoginStatus.PasswordInvalid)]
    public void Login_errors_have_a_login_status(string name, LoginStatus expected) =>
        Assert.Equal(expected, RpcErrors.LoginStatusOf(new RpcErrorException(400, name)));

    [Theory]
    [InlineData("FLOOD_WAIT_42")]
    [InlineData("PHONE_MIGRATE_4")]
    [InlineData("AUTH_KEY_UNREGISTERED")]
    [InlineData("CHAT_WRITE_FORBIDDEN")]
    public void Other_errors_have_no_login_status(string name) =>
        Assert.Null(RpcErrors.LoginStatusOf(new RpcErrorException(400, name)));

    [Theory]
    [InlineData(420, "FLOOD_WAIT_42", "FLOOD_WAIT_X", 42)]
    [InlineData(420, "SLOWMODE_WAIT_7", "SLOWMODE_WAIT_X", 7)]
    [InlineData(420, "FLOOD_PREMIUM_WAIT_3", "FLOOD_PREMIUM_WAIT_X", 3)]
    public void Wait_errors_become_flood_waits_with_the_seconds_to_wait(int code, string name, string errorCode, int seconds)
    {
        var error = Assert.IsType<TelegramFloodWaitException>(RpcErrors.ToException(new RpcErrorException(code, name)));

        Assert.Equal(TimeSpan.FromSeconds(seconds), error.RetryAfter);
        Assert.Equal(errorCode, error.ErrorCode);
        Assert.Equal(TelegramErrorKind.FloodWait, error.Kind);
    }

    [Theory]
    [InlineData("PHONE_MIGRATE_4", "PHONE_MIGRATE_X", 4)]
    [InlineData("USER_MIGRATE_5", "USER_MIGRATE_X", 5)]
    [InlineData("NETWORK_MIGRATE_1", "NETWORK_MIGRATE_X", 1)]
    public void Migrate_errors_name_the_dc_to_move_to(string name, string errorCode, int dc)
    {
        var error = Assert.IsType<TelegramMigrateException>(RpcErrors.ToException(new RpcErrorException(303, name)));

        Assert.Equal(dc, error.DcId);
        Assert.Equal(errorCode, error.ErrorCode);
        Assert.Contains($"DC {dc}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(401, "AUTH_KEY_UNREGISTERED", typeof(TelegramUnauthorizedException))]
    [InlineData(401, "SESSION_REVOKED", typeof(TelegramUnauthorizedException))]
    [InlineData(500, "INTERNAL", typeof(TelegramTransientException))]
    [InlineData(-503, "Timeout", typeof(TelegramTransientException))]
    [InlineData(400, "CHAT_WRITE_FORBIDDEN", typeof(TelegramPermanentException))]
    [InlineData(400, "API_ID_INVALID", typeof(TelegramPermanentException))]
    public void Errors_map_to_the_port_exception_for_their_code(int code, string name, Type expected)
    {
        var error = RpcErrors.ToException(new RpcErrorException(code, name));

        Assert.IsType(expected, error);
        Assert.Equal(name, error.ErrorCode);
    }

    [Fact]
    public void A_number_that_is_not_a_suffix_is_not_taken_for_seconds()
    {
        var error = RpcErrors.ToException(new RpcErrorException(400, "FLOOD_WAIT_X1"));

        Assert.IsType<TelegramPermanentException>(error);
    }
}
