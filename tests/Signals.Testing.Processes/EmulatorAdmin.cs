using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Signals.Testing.Processes;

/// <summary>The standalone emulator's admin HTTP API (docs/emulator.md), as the harness uses it.</summary>
public sealed class EmulatorAdmin(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Creates an account; answers its user id.</summary>
    public async Task<long> CreateUserAsync(string phone, string name, CancellationToken ct = default)
    {
        using var body = await SendAsync(HttpMethod.Post, "users", new { phone, name }, ct);
        return body.RootElement.GetProperty("id").GetInt64();
    }

    /// <summary>The last login code issued to <paramref name="phone"/>, or null while none was issued.</summary>
    public async Task<string?> TryGetLoginCodeAsync(string phone, CancellationToken ct = default)
    {
        using var response = await _http.GetAsync($"users/{Uri.EscapeDataString(phone)}/code", ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureSuccessAsync(response, "GET /users/{phone}/code", ct);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        return body.RootElement.GetProperty("code").GetString();
    }

    /// <summary>Creates a public channel; answers its id.</summary>
    public async Task<long> CreateChannelAsync(string username, string title, CancellationToken ct = default)
    {
        using var body = await SendAsync(HttpMethod.Post, "channels", new { username, title }, ct);
        return body.RootElement.GetProperty("id").GetInt64();
    }

    public async Task AllowToWriteAsync(string chat, long userId, CancellationToken ct = default)
    {
        using var _ = await SendAsync(HttpMethod.Post, $"chats/{Uri.EscapeDataString(chat)}/writers/{userId}", null, ct);
    }

    /// <summary>Publishes a post in a channel as its admin; answers the message id.</summary>
    public async Task<int> PostAsync(string channel, string text, CancellationToken ct = default)
    {
        using var body = await SendAsync(HttpMethod.Post, $"channels/{Uri.EscapeDataString(channel)}/posts", new { text }, ct);
        return body.RootElement.GetProperty("messageId").GetInt32();
    }

    /// <summary>The texts of every message the chat holds, oldest first.</summary>
    public async Task<IReadOnlyList<string>> MessagesAsync(string chat, CancellationToken ct = default)
    {
        using var body = await SendAsync(HttpMethod.Get, $"chats/{Uri.EscapeDataString(chat)}/messages", null, ct);
        return body.RootElement.EnumerateArray().Select(m => m.GetProperty("text").GetString() ?? string.Empty).ToList();
    }

    public async Task<EmulatorCounters> CountersAsync(CancellationToken ct = default)
    {
        using var body = await SendAsync(HttpMethod.Get, "counters", null, ct);
        var root = body.RootElement;
        var world = root.GetProperty("world");
        return new EmulatorCounters(
            world.GetProperty("authKeyDuplicated").GetInt64(),
            world.TryGetProperty("sessionOverlaps", out var overlaps) ? overlaps.GetInt64() : 0,
            root.GetProperty("liveWorldConnections").GetInt32(),
            root.GetProperty("server").GetProperty("liveConnections").GetInt32(),
            root.GetRawText());
    }

    public async Task WaitHealthyAsync(TimeSpan timeout, CancellationToken ct = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                using var response = await _http.GetAsync("health", ct);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The emulator's admin API at {_http.BaseAddress} was not healthy within {timeout}.");
            }

            await Task.Delay(100, ct);
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task<JsonDocument> SendAsync(HttpMethod method, string path, object? payload, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        if (payload is not null)
        {
            request.Content = JsonContent.Create(payload);
        }

        using var response = await _http.SendAsync(request, ct);
        // Paths under /users carry a phone number: the message names the route, never the number.
        await EnsureSuccessAsync(response, path.StartsWith("users", StringComparison.Ordinal) ? $"{method} /users/…" : $"{method} /{path}", ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        return JsonDocument.Parse(text.Length == 0 ? "null" : text);
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            throw new HttpRequestException($"{what} answered {(int)response.StatusCode}: {body}");
        }
    }
}
