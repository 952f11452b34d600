using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;

namespace Signals.Telegram.Crypto;

/// <summary>A server's RSA public key as MTProto uses it: raw modulus and exponent, identified by its fingerprint.</summary>
public sealed class RsaPublicKey
{
    public RsaPublicKey(BigInteger modulus, BigInteger exponent)
    {
        if (modulus.Sign <= 0 || exponent.Sign <= 0)
        {
            throw new ArgumentException("RSA modulus and exponent must be positive.");
        }

        Modulus = modulus;
        Exponent = exponent;
        Fingerprint = ComputeFingerprint(BigEndian.ToBytes(modulus), BigEndian.ToBytes(exponent));
    }

    public BigInteger Modulus { get; }

    public BigInteger Exponent { get; }

    /// <summary>The low 64 bits of SHA1(TL bytes n + TL bytes e), as the TL long sent in resPQ and req_DH_params.</summary>
    public long Fingerprint { get; }

    public static RsaPublicKey FromParameters(RSAParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters.Modulus);
        ArgumentNullException.ThrowIfNull(parameters.Exponent);
        return new RsaPublicKey(BigEndian.ToBigInteger(parameters.Modulus), BigEndian.ToBigInteger(parameters.Exponent));
    }

    /// <summary>Reads a PEM public key (PKCS#1 "RSA PUBLIC KEY" or SubjectPublicKeyInfo "PUBLIC KEY").</summary>
    public static RsaPublicKey FromPem(string pem)
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        return FromParameters(rsa.ExportParameters(includePrivateParameters: false));
    }

    /// <summary>PKCS#1 PEM, the form Telegram publishes its keys in.</summary>
    public string ToPem()
    {
        using var rsa = RSA.Create();
        rsa.ImportParameters(new RSAParameters { Modulus = BigEndian.ToBytes(Modulus), Exponent = BigEndian.ToBytes(Exponent) });
        return rsa.ExportRSAPublicKeyPem();
    }

    public static long ComputeFingerprint(ReadOnlySpan<byte> modulusBigEndian, ReadOnlySpan<byte> exponentBigEndian)
    {
        var buffer = new byte[TlBytes.GetLength(modulusBigEndian.Length) + TlBytes.GetLength(exponentBigEndian.Length)];
        var written = TlBytes.Write(modulusBigEndian, buffer);
        TlBytes.Write(exponentBigEndian, buffer.AsSpan(written));
        Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
        SHA1.HashData(buffer, hash);
        return BinaryPrimitives.ReadInt64LittleEndian(hash[12..]);
    }

    public override string ToString() => $"RsaPublicKey(fingerprint={Fingerprint:X16}, bits={Modulus.GetBitLength()})";
}
