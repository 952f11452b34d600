using System.Text;
using Signals.Telegram.Emulator.Demo;

namespace Signals.Telegram.Emulator.Tests.Demo;

public sealed class Base58Tests
{
    // Vectors from Bitcoin Core's src/test/data/base58_encode_decode.json.
    [Theory]
    [InlineData("", "")]
    [InlineData("61", "2g")]
    [InlineData("626262", "a3gV")]
    [InlineData("636363", "aPEr")]
    [InlineData("73696d706c792061206c6f6e6720737472696e67", "2cFupjhnEsSn59qHXstmK2ffpLv2")]
    [InlineData("00eb15231dfceb60925886b67d065299925915aeb172c06647", "1NS17iag9jJgTHD1VXjvLCEnZuQ3rJDE9L")]
    [InlineData("516b6fcd0f", "ABnLTmg")]
    [InlineData("00000000000000000000", "1111111111")]
    public void Encodes_and_decodes_the_published_vectors(string hex, string base58)
    {
        var bytes = Convert.FromHexString(hex);

        Assert.Equal(base58, Base58.Encode(bytes));
        Assert.Equal(bytes, Base58.Decode(base58));
    }

    [Fact]
    public void Solana_system_program_is_thirty_two_zero_bytes()
    {
        Assert.Equal(new byte[32], Base58.Decode("11111111111111111111111111111111"));
        Assert.Equal(32, Base58.Decode("So11111111111111111111111111111111111111112")!.Length);
    }

    [Fact]
    public void Characters_outside_the_alphabet_do_not_decode()
    {
        Assert.Null(Base58.Decode("0OIl"));
        Assert.Equal("simple", Encoding.ASCII.GetString(Base58.Decode(Base58.Encode("simple"u8))!));
    }
}
