namespace Signals.Telegram.Crypto.Tests.Crypto;

public sealed class AesIgeTests
{
    [Fact]
    public void Hardware_and_platform_paths_agree_and_work_in_place()
    {
        var random = new Random(7001);
        for (var i = 0; i < 50; i++)
        {
            var key = new byte[32];
            var iv = new byte[32];
            var data = new byte[16 * random.Next(1, 100)];
            random.NextBytes(key);
            random.NextBytes(iv);
            random.NextBytes(data);

            var fast = AesIge.Encrypt(key, iv, data);
            byte[] portable;
            byte[] portableBack;
            try
            {
                AesNiIge.ForcePlatformPath = true;
                portable = AesIge.Encrypt(key, iv, data);
                portableBack = AesIge.Decrypt(key, iv, portable);
            }
            finally
            {
                AesNiIge.ForcePlatformPath = false;
            }

            Assert.Equal(fast, portable);
            Assert.Equal(data, portableBack);

            var inPlace = (byte[])data.Clone();
            AesIge.Encrypt(key, iv, inPlace, inPlace);
            Assert.Equal(fast, inPlace);
            AesIge.Decrypt(key, iv, inPlace, inPlace);
            Assert.Equal(data, inPlace);
        }
    }

    [Fact]
    public void Wrong_sizes_are_argument_errors()
    {
        Assert.Throws<ArgumentException>(() => AesIge.Encrypt(new byte[16], new byte[32], new byte[16]));
        Assert.Throws<ArgumentException>(() => AesIge.Encrypt(new byte[32], new byte[16], new byte[16]));
        Assert.Throws<ArgumentException>(() => AesIge.Encrypt(new byte[32], new byte[32], new byte[15]));
    }
}
