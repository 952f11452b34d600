using System.Net;
using System.Text.Json;

namespace Signals.Telegram.Mtproto.Tests.Standalone;

/// <summary>One admin API answer: status and JSON body.</summary>
internal sealed record AdminReply(HttpStatusCode Status, JsonElement Body)
{
    public JsonElement this[string property] => Body.GetProperty(property);

    /// <summary>Asserts a 4xx with the API's <c>{"error": "..."}</c> shape and returns the message.</summary>
    public string AssertError(HttpStatusCode expected)
    {
        Assert.Equal(expected, Status);
        var message = Body.GetProperty("error").GetString();
        Assert.False(string.IsNullOrWhiteSpace(message));
        return message!;
    }

    public AdminReply AssertStatus(HttpStatusCode expected)
    {
        Assert.True(Status == expected, $"expected {(int)expected}, got {(int)Status}: {Body}");
        return this;
    }
}
