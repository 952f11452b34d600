using Signals.Client.Infrastructure;
using Signals.Client.Tests.Support;

namespace Signals.Client.Tests;

/// <summary>The phone number, the login code and the 2FA password never reach the output in clear.</summary>
public sealed class SecretsTests
{
    private const string Phone = "+44 7700 900123";
    private const string Code = "24680";
    private const string Password = "correct horse battery";

    [Fact]
    public void Masked_phone_keeps_only_the_country_digit_and_last_two_digits()
    {
        var masked = PhoneMask.Mask(Phone);

        Assert.Equal("+4*********23", masked);
        Assert.DoesNotContain("7700", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("900", masked, StringComparison.Ordinal);
    }

    [Fact]
    public void Short_numbers_are_masked_entirely()
    {
        Assert.Equal("*****", PhoneMask.Mask("12345"));
    }

    [Fact]
    public async Task Invalid_phone_is_refused_without_repeating_it()
    {
        var run = await CliRun.RunAsync("sessions", "login", "reader-1", "--phone", "+1-555-SECRET-99");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.DoesNotContain("SECRET", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failed_login_attempt_prints_neither_phone_nor_code_nor_password()
    {
        var io = new TestConsoleIO(stdin: Password + "\n");

        var run = await CliRun.RunAsync(
            io, "sessions", "login", "reader-1", "--phone", Phone, "--code", Code, "--password-stdin",
            "--gateway", UnusedPort.Next().ToString(), "--verbose");

        Assert.Equal(ExitCodes.Unreachable, run.ExitCode);
        Assert.DoesNotContain("7700", run.All, StringComparison.Ordinal);
        Assert.DoesNotContain(Code, run.All, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, run.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Scrubber_blanks_secrets_in_formatted_and_digits_only_form()
    {
        var scrubber = new SecretScrubber();
        scrubber.Add(Phone);
        scrubber.Add(Code);

        var text = scrubber.Scrub($"PHONE_CODE_INVALID for {Phone} / 447700900123 with {Code}");

        Assert.Equal("PHONE_CODE_INVALID for *** / *** with ***", text);
    }
}
