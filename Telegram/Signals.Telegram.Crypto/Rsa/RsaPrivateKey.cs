using System.Numerics;
using System.Security.Cryptography;

namespace Signals.Telegram.Crypto;

/// <summary>
/// The server's RSA key pair (the emulator's). MTProto needs raw RSA (m^d mod n) under RSA_PAD, which the
/// platform's RSA class does not offer, so this holds the CRT parameters and does the arithmetic itself.
/// </summary>
public sealed class RsaPrivateKey
{
    private readonly BigInteger _p;
    private readonly BigInteger _q;
    private readonly BigInteger _dp;
    private readonly BigInteger _dq;
    private readonly BigInteger _inverseQ;
    private readonly RSAParameters _parameters;

    private RsaPrivateKey(RSAParameters parameters)
    {
        if (parameters.P is null || parameters.Q is null || parameters.DP is null || parameters.DQ is null || parameters.InverseQ is null)
        {
            throw new ArgumentException("RSA parameters lack the private (CRT) part.", nameof(parameters));
        }

        _parameters = parameters;
        _p = BigEndian.ToBigInteger(parameters.P);
        _q = BigEndian.ToBigInteger(parameters.Q);
        _dp = BigEndian.ToBigInteger(parameters.DP);
        _dq = BigEndian.ToBigInteger(parameters.DQ);
        _inverseQ = BigEndian.ToBigInteger(parameters.InverseQ);
        PublicKey = RsaPublicKey.FromParameters(parameters);
    }

    public RsaPublicKey PublicKey { get; }

    public static RsaPrivateKey Generate(int bits = 2048)
    {
        using var rsa = RSA.Create(bits);
        return new RsaPrivateKey(rsa.ExportParameters(includePrivateParameters: true));
    }

    public static RsaPrivateKey FromParameters(RSAParameters parameters) => new(parameters);

    public static RsaPrivateKey FromPem(string pem)
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        return new RsaPrivateKey(rsa.ExportParameters(includePrivateParameters: true));
    }

    public string ToPem()
    {
        using var rsa = RSA.Create();
        rsa.ImportParameters(_parameters);
        return rsa.ExportRSAPrivateKeyPem();
    }

    /// <summary>c^d mod n by the Chinese remainder theorem (about 4× faster than one full-size exponentiation).</summary>
    internal BigInteger DecryptRaw(BigInteger cipher)
    {
        var m1 = BigInteger.ModPow(cipher % _p, _dp, _p);
        var m2 = BigInteger.ModPow(cipher % _q, _dq, _q);
        var h = (_inverseQ * (m1 - m2)) % _p;
        if (h.Sign < 0)
        {
            h += _p;
        }

        return m2 + (h * _q);
    }
}
