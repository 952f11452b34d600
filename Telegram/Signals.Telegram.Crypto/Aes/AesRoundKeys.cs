using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Signals.Telegram.Crypto;

/// <summary>The 15 round keys of AES-256, kept on the stack so a call allocates nothing.</summary>
[InlineArray(15)]
internal struct AesRoundKeys
{
    private Vector128<byte> _first;
}
