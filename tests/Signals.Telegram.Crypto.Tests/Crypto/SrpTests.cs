namespace Signals.Telegram.Crypto.Tests.Crypto;

/// <summary>Both SRP halves agree with each other and refuse what /api/srp says to refuse.</summary>
public sealed class SrpTests
{
    private static readonly SrpAlgorithm Algorithm = new([1, 2, 3, 4, 5, 6, 7, 8], [9, 10, 11, 12, 13, 14, 15, 16], 3, DhChecks.KnownTelegramPrime.ToArray());
    private static readonly byte[] PasswordHash = SrpPassword.ComputeHash(Algorithm, "hunter2");
    private static readonly byte[] Verifier = SrpPassword.ComputeVerifier(Algorithm, PasswordHash);

    [Fact]
    public void Right_password_is_accepted_and_a_wrong_one_refused()
    {
        var server = SrpServer.Create(Algorithm, Verifier);
        var proof = SrpClient.ComputeProof(Algorithm, PasswordHash, server.SrpB, Secret(1));
        Assert.True(server.VerifyProof(proof.A, proof.M1));

        var wrongHash = SrpPassword.ComputeHash(Algorithm, "hunter3");
        var wrong = SrpClient.ComputeProof(Algorithm, wrongHash, server.SrpB, Secret(2));
        Assert.False(server.VerifyProof(wrong.A, wrong.M1));
    }

    [Fact]
    public void Tampered_proofs_and_degenerate_A_values_are_refused()
    {
        var server = SrpServer.Create(Algorithm, Verifier);
        var proof = SrpClient.ComputeProof(Algorithm, PasswordHash, server.SrpB, Secret(3));
        var m1 = (byte[])proof.M1.Clone();
        m1[5] ^= 1;
        Assert.False(server.VerifyProof(proof.A, m1));
        Assert.False(server.VerifyProof(proof.A, proof.M1.AsSpan(0, 31)));
        Assert.False(server.VerifyProof(new byte[256], proof.M1));
        Assert.False(server.VerifyProof(Algorithm.P, proof.M1));
        Assert.False(server.VerifyProof([1], proof.M1));
    }

    [Fact]
    public void Client_refuses_a_B_outside_the_group_and_a_bad_prime()
    {
        Assert.Throws<SrpException>(() => SrpClient.ComputeProof(Algorithm, PasswordHash, new byte[256], Secret(4)));
        Assert.Throws<SrpException>(() => SrpClient.ComputeProof(Algorithm, PasswordHash, Algorithm.P, Secret(4)));
        var badPrime = Algorithm with { P = new byte[256] };
        Assert.Throws<SrpException>(() => SrpClient.ComputeProof(badPrime, PasswordHash, Verifier, Secret(4)));
    }

    [Fact]
    public void Password_overload_draws_its_own_secret_and_still_verifies()
    {
        var server = SrpServer.Create(Algorithm, Verifier);
        var proof = SrpClient.ComputeProof(Algorithm, "hunter2", server.SrpB);
        Assert.Equal(256, proof.A.Length);
        Assert.True(server.VerifyProof(proof.A, proof.M1));
    }

    private static byte[] Secret(int seed)
    {
        var bytes = new byte[256];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
