using Signals.Detection.Codecs;

namespace Signals.Detection.Tests.Codecs;

/// <summary>A fact that needs the AVX-512 Keccak path; reported as skipped, with the reason, on CPUs without it.</summary>
public sealed class Avx512FactAttribute : FactAttribute
{
    public Avx512FactAttribute()
    {
        if (!KeccakPermutationLaneSliced.IsSupported)
        {
            Skip = "This CPU lacks AVX-512F/VL, so only the scalar Keccak permutation runs here.";
        }
    }
}
