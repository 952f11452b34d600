using System.Text;
using System.Text.Json;

namespace Signals.Telegram.Mtproto.Tests.Standalone;

/// <summary>A plain HTTP client for the admin API: what a test harness or curl does, nothing shared with the server.</summary>
internal sealed class AdminHttp(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public Task<AdminReply> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public Task<AdminReply> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path, null);

    public Task<AdminReply> PostAsync(string path, object? body = null) => SendAsync(HttpMethod.Post, path, body is null ? null : JsonSerializer.Serialize(body));

    public Task<AdminReply> PutAsync(string path, object body) => SendAsync(HttpMethod.Put, path, JsonSerializer.Serialize(body));

    /// <summary>Sends a raw body, for malformed input.</summary>
    public Task<AdminReply> SendRawAsync(HttpMethod method, string path, string body, string contentType = "application/json") =>
        SendAsync(method, path, body, contentType);

    private async Task<AdminReply> SendAsync(HttpMethod method, string path, string? json, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, contentType);
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text.Length == 0 ? "null" : text);
        return new AdminReply(response.StatusCode, document.RootElement.Clone());
    }

    public void Dispose() => _http.Dispose();
}
