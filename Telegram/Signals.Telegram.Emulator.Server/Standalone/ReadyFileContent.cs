using System.Text.Json;
using System.Text.Json.Serialization;

namespace Signals.Telegram.Emulator.Server.Standalone;

/// <summary>
/// What <c>--ready-file</c> holds once the emulator listens: a harness that started it on port 0 learns the real
/// ports here. The fingerprint is a string because it is a signed 64-bit number that JSON readers in JavaScript
/// would round.
/// </summary>
public sealed record ReadyFileContent(
    [property: JsonPropertyName("mtproto")] string Mtproto,
    [property: JsonPropertyName("admin")] string? Admin,
    [property: JsonPropertyName("fingerprint")] string Fingerprint)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ReadyFileContent? FromJson(string json) => JsonSerializer.Deserialize<ReadyFileContent>(json, Json);

    /// <summary>Writes through a temporary file and a rename, so a reader polling for the file never sees half of it.</summary>
    public async Task WriteAsync(string path, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        var temporary = $"{full}.{Environment.ProcessId}.tmp";
        await File.WriteAllTextAsync(temporary, ToJson(), cancellationToken);
        File.Move(temporary, full, overwrite: true);
    }
}
