using Microsoft.AspNetCore.Http;
using Signals.Telegram.Emulator.Server.Admin.Contracts;

namespace Signals.Telegram.Emulator.Server.Admin;

/// <summary>The admin API's answers: JSON bodies, and errors as <c>{"error": "..."}</c> with a 4xx status.</summary>
internal static class AdminResults
{
    public static IResult Ok(object value) => Results.Json(value, AdminJson.Options);

    public static IResult Created(object value) => Results.Json(value, AdminJson.Options, statusCode: StatusCodes.Status201Created);

    public static IResult BadRequest(string message) => Error(StatusCodes.Status400BadRequest, message);

    public static IResult NotFound(string message) => Error(StatusCodes.Status404NotFound, message);

    public static IResult Conflict(string message) => Error(StatusCodes.Status409Conflict, message);

    public static IResult Error(int status, string message) => Results.Json(new ErrorResponse(message), AdminJson.Options, statusCode: status);
}
