using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace Signals.Telegram.Emulator.Server.Admin;

/// <summary>
/// JSON in and out for the admin API, independent of the host's settings. Bodies are read here rather than bound by
/// the framework, so that a malformed body gets a 4xx with a message saying what is wrong instead of an empty 400.
/// </summary>
internal static class AdminJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Reads a JSON body; on failure returns the 4xx result to answer with instead.</summary>
    public static async Task<(T? Body, IResult? Error)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, AdminResults.Error(StatusCodes.Status415UnsupportedMediaType, "the body must be JSON (Content-Type: application/json)"));
        }

        try
        {
            var body = await JsonSerializer.DeserializeAsync<T>(request.Body, Options, cancellationToken);
            return body is null ? (null, AdminResults.BadRequest("the body must be a JSON object, not null")) : (body, null);
        }
        catch (JsonException ex)
        {
            // The serializer's message names the path and position, never the offending value.
            return (null, AdminResults.BadRequest($"the body is not valid JSON for this request: {ex.Message}"));
        }
    }
}
